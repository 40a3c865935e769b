"""When our hooks run within one MkDocs event: a higher priority runs earlier. MkDocs' plugins and
hooks without a priority run at 0, mkdocs-static-i18n at -100 (its on_post_build builds the other
languages, so our hooks' on_post_build below it see the whole site once the last language is done)."""

# on_pre_build: start remembering file versions before the hooks that load data;
# on_config: put our offline shim in place before Material's offline plugin adds its CDN copy
FIRST = 100
# on_page_markdown: report unknown front-matter keys before hooks/protected.py reads the page
BEFORE_PROTECTION = 10
# on_page_context: add fragments after Material's search (0) has indexed the page's own text, so
# forms and buttons stay out of the index and are never parsed by Markdown or the search parser
AFTER_SEARCH = -50
# on_page_context: seal a protected page once every other hook (AFTER_SEARCH) has added its fragments
SEAL_PAGE = -90
# on_page_context: read which browser modules a page's fragments name once the page is sealed (a
# sealed page needs only its own controller)
AFTER_SEALING = -95
# on_files, on_nav: once mkdocs-static-i18n has chosen this language's files and translated the titles
AFTER_I18N = -150
# on_post_build: before mkdocs-static-i18n builds the next language: files of the language just built
LANGUAGE_BUILT = -50
# on_post_build: after mkdocs-static-i18n; returns early unless the last language is built
AFTER_ALL_LANGUAGES = -200
# on_post_build: the LMS package's launch page and manifest, listing every file the steps above wrote
PACKAGE = -210
# on_post_build: after every other hook of every language
LAST = -300
