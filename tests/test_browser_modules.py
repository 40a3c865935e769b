"""The browser bundle is ordered from each file's `// provides:` and `// needs:` lines, and a mistake
in them fails the build with a message naming the files (hooks/course/browser_modules.py)."""
from __future__ import annotations

import os
import subprocess
import sys
import re
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from course.browser_modules import LOADER, ModuleError, bundles, ordered

JS = ROOT / "overrides/assets/js"


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def module(name: str, needs: tuple[str, ...] = (), body: str = "") -> str:
    head = f"// provides: {name}\n" + (f"// needs: {', '.join(needs)}\n" if needs else "")
    uses = "".join(f" window.{need}.go();" for need in needs)
    return head + f"(function () {{{uses} {body} window.{name} = {{}}; }})();\n"


def test_every_module_comes_after_what_it_needs_whatever_the_file_names(tmp_path):
    # "a-..." sorts first but needs the others: the declarations decide, not the names.
    root = write(tmp_path, {"core/a-last.js": module("Last", ("Middle",)), "core/b-middle.js": module("Middle", ("First",)),
                            "lib/z-first.js": module("First"), "core/c-free.js": module("Free")})
    assert [m.provides for m in ordered(root, tmp_path)] == ["First", "Middle", "Last", "Free"]


def test_the_course_bundle_order_satisfies_every_declaration():
    modules = ordered(JS, ROOT)
    seen: set[str] = set()
    for item in modules:
        assert set(item.needs) <= seen, f"{item.path.name} comes before {set(item.needs) - seen}"
        seen.add(item.provides)
    paths = {m.path.relative_to(JS).as_posix() for m in modules}
    assert {"core/storage.js", "core/learner-store.js", "lib/culture-test-score.js", "pages/culture-test.js"} <= paths
    assert not {"material-base.js", "material-content.js"} & paths, "Material's own scripts load on their own"


def test_every_page_gets_the_loader_and_core_and_each_controller_only_what_it_adds():
    modules = ordered(JS, ROOT)
    planned = bundles(modules)
    every_page = planned["course"]
    assert every_page[0].name == LOADER
    assert {m.layer for m in every_page} == {"core", "lib"}
    assert {m.name for m in modules if m.layer == "core"} <= {m.name for m in every_page}
    assert "lib/culture-test-score.js" not in {m.name for m in every_page}, "no core module needs the scoring"
    controllers = {m.name.removesuffix(".js") for m in modules if m.layer == "pages"}
    later = {f"later/{name}" for m in modules for name in m.later}
    assert set(planned) == {"course"} | controllers | later
    for name in controllers:
        own = planned[name]
        assert [m.name for m in own if m.layer == "pages"] == [name + ".js"]
        assert not {m.provides for m in own} & {m.provides for m in every_page}
        available = {m.provides for m in every_page}
        for module in own:  # in order: everything a module needs is there before it
            assert set(module.needs) <= available, (name, module.name)
            available.add(module.provides)


def test_a_module_loaded_later_is_left_out_of_the_bundles_that_only_load_it_later():
    """The chart and the certificate check have bundles of their own, fetched when a page asks."""
    planned = bundles(ordered(JS, ROOT))
    names = {bundle: [m.name for m in modules] for bundle, modules in planned.items()}
    for page in ("pages/culture-test", "pages/action-plan"):
        assert "lib/radar-chart.js" not in names[page]
    assert "lib/credential-check.js" not in names["pages/issued-certificate"]
    assert names["later/RadarChart"] == ["lib/radar-chart.js"]
    assert names["later/CredentialCheck"] == ["lib/credential-check.js"]
    assert "lib/radar-chart.js" in names["pages/team-profile"], "a page that draws at once still gets it with the page"
    assert "lib/import-file.js" not in names["course"], "only the pages that import read export files"


def test_a_later_bundle_holds_what_its_module_needs_beyond_every_page(tmp_path):
    root = write(tmp_path, {"core/modules.js": "// provides: CourseModules\n", "lib/base.js": module("Base"),
                            "lib/chart.js": module("Chart", ("Base",)), "core/user.js": module("User", ("Base",)),
                            "pages/a.js": "// provides: APage\n// needs: CourseModules\n// later: Chart\n"
                                          "(function () { window.CourseModules.later('Chart'); window.Chart; })();\n"})
    planned = bundles(ordered(root, tmp_path))
    assert [m.name for m in planned["pages/a"]] == ["pages/a.js"]
    assert [m.name for m in planned["later/Chart"]] == ["lib/chart.js"], "Base comes with every page already"


def test_only_the_learner_store_uses_storage():
    """One door to the learner's data: every other module goes through CourseLearner."""
    users = [m.name for m in ordered(JS, ROOT) if "CourseStorage" in m.needs]
    assert users == ["core/learner-store.js"]
    raw = [m.name for m in ordered(JS, ROOT) if "localStorage" in m.source]
    assert raw == ["core/storage.js"]


@pytest.mark.parametrize(("files", "message"), [
    ({"core/a.js": "(function () {})();\n"},
     "core/a.js: the file must start with '// provides: Name'"),
    ({"core/a.js": "// provides: A\n// require: B\n"},
     "core/a.js: unknown declaration '// require: B'"),
    ({"core/a.js": "// provides: A\n// needs: B,C\nB; C;\n"},
     "core/a.js: line 2 must be '// needs: A, B'"),
    ({"core/a.js": module("Store"), "core/b.js": module("Store")},
     "duplicate module Store: provided by both core/a.js and core/b.js"),
    ({"pages/a.js": module("APage", ("CourseStore",))},
     "pages/a.js needs CourseStore, which no file under . provides (missing dependency)"),
    ({"core/store.js": module("Store"), "pages/a.js": "// provides: APage\n(function () { window.Store.go(); })();\n"},
     "pages/a.js uses Store of core/store.js without declaring it"),
    ({"core/store.js": module("Store"), "pages/a.js": "// provides: APage\n// needs: Store\n// Store is not used\n"},
     "pages/a.js declares '// needs: Store' but never uses it"),
    ({"pages/a.js": module("APage"), "pages/b.js": module("BPage", ("APage",))},
     "pages/b.js needs APage of pages/a.js, but page controllers never use each other"),
    ({"core/store.js": module("Store"), "lib/pure.js": module("Pure", ("Store",))},
     "lib/pure.js needs Store of core/store.js, but lib/ may only use lib/"),
    ({"lib/chart.js": module("Chart"), "pages/a.js": "// provides: APage\n// later: Chart\n// nothing drawn\n"},
     "pages/a.js declares '// later: Chart' but never uses it"),
    ({"core/store.js": module("Store"), "pages/a.js": "// provides: APage\n// later: Store\nwindow.Store;\n"},
     "pages/a.js declares '// later: Store', but only a lib/ module it does not already need can load later"),
    ({"lib/chart.js": module("Chart"), "pages/a.js": "// provides: APage\n// later: Chart\n// needs: Chart\nChart;\n"},
     "pages/a.js: after '// provides: Name' come '// needs: A, B' and then '// later: C'"),
    ({"lib/chart.js": module("Chart"), "pages/a.js": "// provides: APage\n// later: Chart,Other\nChart;\n"},
     "pages/a.js: line 2 must be '// later: A, B'"),
    ({"core/a.js": module("A", ("B",)), "core/b.js": module("B", ("C",)), "core/c.js": module("C", ("A",))},
     "circular dependency: core/a.js (A) -> core/b.js (B) -> core/c.js (C) -> core/a.js (A)"),
])
def test_declaration_mistakes_are_refused_naming_the_files(tmp_path, files, message):
    root = write(tmp_path, files)
    with pytest.raises(ModuleError) as error:
        ordered(root, tmp_path)
    assert message in str(error.value)


def test_a_fragment_naming_an_unknown_controller_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    fragment = project / "overrides/fragments/team-profile.html"
    fragment.write_text(fragment.read_text(encoding="utf-8").replace('data-course-module="team-profile"',
                                                                      'data-course-module="team-profiles"'), encoding="utf-8")
    result = build_copy(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("results/team-profile.md: a fragment names the browser module 'team-profiles' (data-course-module), "
            "but there is no overrides/assets/js/pages/team-profiles.js") in result.stderr, result.stderr[-3000:]


def build_copy(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")})


def declarations(path: Path, provides: str, needs: str | None) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    body = lines[2:] if lines[1].startswith("// needs:") else lines[1:]
    path.write_text(f"// provides: {provides}\n" + (f"// needs: {needs}\n" if needs else "") + "".join(body), encoding="utf-8")


def edit_missing(js: Path) -> None:
    """The worksheet asks for a store under a misspelt name."""
    path = js / "pages/worksheet.js"
    path.write_text(path.read_text(encoding="utf-8").replace("// needs: CourseLearner,", "// needs: CourseLearners,"), encoding="utf-8")


def edit_circular(js: Path) -> None:
    """Storage made to use the learner store, which uses storage."""
    path = js / "core/storage.js"
    declarations(path, "CourseStorage", "CourseLearner")
    path.write_text(path.read_text(encoding="utf-8") + "window.CourseLearner;\n", encoding="utf-8")


def edit_unknown(js: Path) -> None:
    """The certificate page uses the store without declaring it."""
    path = js / "pages/certificate.js"
    path.write_text(path.read_text(encoding="utf-8").replace("// needs: CourseLearner, ", "// needs: "), encoding="utf-8")


def edit_duplicate(js: Path) -> None:
    """A second file claims the name of the storage module."""
    (js / "core/storage-copy.js").write_text((js / "core/storage.js").read_text(encoding="utf-8"), encoding="utf-8")


@pytest.mark.parametrize(("edit", "message"), [
    (edit_missing, "Browser modules: overrides/assets/js/pages/worksheet.js needs CourseLearners, which no file under "
                   "overrides/assets/js provides (missing dependency)"),
    # the cycle is named from whichever of its files comes first
    (edit_circular, re.compile(r"Browser modules: circular dependency: (?=.*overrides/assets/js/core/storage\.js \(CourseStorage\))"
                               r"(?=.*overrides/assets/js/core/learner-store\.js \(CourseLearner\))")),
    (edit_unknown, "Browser modules: overrides/assets/js/pages/certificate.js uses CourseLearner of "
                   "overrides/assets/js/core/learner-store.js without declaring it"),
    (edit_duplicate, "Browser modules: duplicate module CourseStorage: provided by both overrides/assets/js/core/storage-copy.js "
                     "and overrides/assets/js/core/storage.js"),
], ids=["missing", "circular", "unknown", "duplicate"])
def test_a_broken_declaration_stops_the_build_of_a_copy_naming_the_files(tmp_path, edit, message):
    project = copy_project(tmp_path / "project")
    edit(project / "overrides/assets/js")
    result = build_copy(project, tmp_path / "site")
    assert result.returncode != 0
    found = message.search(result.stderr) if isinstance(message, re.Pattern) else message in result.stderr
    assert found, result.stderr[-3000:]
    assert not (tmp_path / "site/assets/js/course.js").exists()
