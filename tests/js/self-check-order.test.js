// The learner's own order of a self-check's options (lib/self-check-order.js), run with `node --test`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { loadModules } = require("./load-modules.js");

const { optionOrder } = loadModules("lib/self-check-order.js").SelfCheckOrder;
const options = ["a", "b", "c", "d"];

test("the same learner always gets the same order, holding every option once", () => {
  const order = optionOrder("k3x9q2m7p1", "why-q5", options);
  assert.deepEqual([...order].sort(), options);
  for (let i = 0; i < 5; i++) assert.deepEqual(optionOrder("k3x9q2m7p1", "why-q5", options), order);
  // the order depends on the option ids, not on the order the page lists them in
  assert.deepEqual(optionOrder("k3x9q2m7p1", "why-q5", ["d", "c", "b", "a"]), order);
});

test("over many learners every option is first about equally often and every order occurs", () => {
  const first = { a: 0, b: 0, c: 0, d: 0 };
  const orders = new Set();
  for (let learner = 0; learner < 2400; learner++) {
    const order = optionOrder("learner" + learner, "how-q8", options);
    first[order[0]] += 1;
    orders.add(order.join(""));
  }
  // 600 expected each; 500-700 is more than four standard deviations (21) either side
  for (const count of Object.values(first)) assert.ok(count > 500 && count < 700, JSON.stringify(first));
  assert.equal(orders.size, 24);
});

test("questions of one learner are shuffled independently of each other", () => {
  let same = 0;
  for (let q = 0; q < 200; q++) {
    if (optionOrder("k3x9q2m7p1", "q" + q, options).join("") === optionOrder("k3x9q2m7p1", "r" + q, options).join("")) same += 1;
  }
  assert.ok(same < 30, `${same} of 200 question pairs in the same order (about 8 expected)`);
});
