// The index restore (restore.js): lunr's weights from the compact index, postings and texts set
// shard by shard, and a TokenSet that holds exactly the index's terms.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { loadEngine, loadLunr, wordsOf, fixture, plain, loadedIndex } = require("./engine");

test("each posting weighs what lunr's own builder gives (BM25 per field, times the boost)", () => {
  const engine = loadEngine().crchSearch;
  const { fieldVectors } = fixture("restore.json");
  const index = loadedIndex(engine, "restore.json");
  const expected = new Map();  // "term index/ref" -> summed weight over the fields
  for (const [fieldRef, elements] of fieldVectors) {
    const ref = fieldRef.split("/")[1];
    for (let i = 0; i < elements.length; i += 2) {
      const key = `${index.termIndex.get(elements[i])}/${ref}`;
      expected.set(key, (expected.get(key) || 0) + elements[i + 1]);
    }
  }
  assert.ok(expected.size > 20);
  let compared = 0;
  index.terms.forEach((_, term) => {
    const { refs, weights } = index.posting(term);
    assert.deepEqual(plain(Array.from(refs)), plain(Array.from(refs).sort((a, b) => a - b)), "refs ascending");
    for (const [i, ref] of refs.entries()) {
      const weight = weights[i], lunrWeight = expected.get(`${term}/${ref}`);
      assert.ok(Math.abs(weight - lunrWeight) < 0.003 * index.fields.length, `${index.terms[term]} in ${ref}: ${weight} != ${lunrWeight}`);
      compared += 1;
    }
  });
  assert.equal(compared, expected.size);
});

test("a field's postings are read from their gaps, a frequency after a colon", () => {
  const { eachPosting, hasRef } = loadEngine().crchSearch.restore;
  const found = [];
  eachPosting("0,3:2,1,12", (ref, frequency) => found.push([ref, frequency]));
  assert.deepEqual(plain(found), [[0, 1], [3, 2], [4, 1], [16, 1]]);
  const posting = { refs: Int32Array.from([0, 3, 4, 16]) };
  assert.deepEqual([0, 1, 3, 4, 15, 16, 17].map(ref => hasRef(posting, ref)), [true, false, true, true, false, true, false]);
});

test("postings come shard by shard: a term's are there once its shard is set", () => {
  const engine = loadEngine().crchSearch;
  const { payload, files } = fixture("restore.json");
  const index = new engine.restore.Index(payload);
  const shards = index.termShards;
  assert.ok(shards.length > 2, "the fixture is cut into several term shards");
  assert.equal(shards.file(1), "terms.en.1.js");
  assert.ok(index.terms.every((_, term) => !index.hasPostings(term)), "the index file holds no postings");
  assert.throws(() => index.posting(0), /not loaded/);
  index.setPostings(1, files[shards.file(1)]);
  index.terms.forEach((term, i) => {
    assert.equal(index.hasPostings(i), shards.of(i) === 1, term);
    assert.ok(shards.start(shards.of(i)) <= i && (shards.of(i) + 1 === shards.length || i < shards.start(shards.of(i) + 1)));
  });
  assert.deepEqual(plain(Array.from(shards.set)), Array.from({ length: shards.length }, (_, shard) => shard === 1 ? 1 : 0));
  const term = shards.start(1);
  assert.deepEqual(plain(Array.from(index.posting(term).refs)), plain(Array.from(loadedIndex(engine, "restore.json").posting(term).refs)));
});

test("lunr 2.3.9's own TokenSet builder loses terms of this set; buildTokenSet keeps every one", () => {
  const { terms } = JSON.parse(fs.readFileSync(path.join(__dirname, "lunr-token-set-bug.json"), "utf8"));
  const sorted = Array.from(new Set(terms)).sort();
  const lunr = loadLunr();
  lunr.TokenSet._nextId = 0;  // node ids from 0, as the set was found (lunr's ids only ever grow)
  const fromLunr = plain(lunr.TokenSet.fromArray(sorted).toArray().sort());
  assert.notDeepEqual(fromLunr, sorted, "lunr builds this set right now: the control no longer shows the bug");
  assert.deepEqual(plain(wordsOf(loadEngine().crchSearch.restore.buildTokenSet(sorted))), sorted);
});

test("restored docs: a section's location is its page's plus its anchor; extras are kept", () => {
  const { restoreDocs } = loadEngine().crchSearch.restore;
  const docs = restoreDocs([["a/", "A", { summary: "Sum", demoted: 1, tags: ["T"] }], ["#one", "One"], ["b/", "B"]]);
  assert.deepEqual(plain(docs.map(doc => [doc.location, doc.page.location, doc.demoted, doc.summary, doc.text])),
    [["a/", "a/", true, "Sum", ""], ["a/#one", "a/", false, "", ""], ["b/", "b/", false, "", ""]]);
});

test("a doc's text is in the shard whose range holds its ref, and is set from it", () => {
  const engine = loadEngine().crchSearch;
  const { payload, files } = fixture("many-pages.json");
  const index = new engine.restore.Index(payload), shards = index.textShards;
  const texts = shard => files[shards.file(shard)];
  assert.ok(shards.length > 10, "the fixture is cut into many shards");
  assert.equal(payload.textShards.starts.length, shards.length);
  index.docs.forEach(doc => {
    const shard = shards.of(doc.ref), start = shards.start(shard);
    assert.ok(start <= doc.ref && doc.ref - start < texts(shard).length, `ref ${doc.ref} in shard ${shard}`);
    assert.equal(index.docs[start].page, index.docs[start], "a shard starts with a page");
  });
  assert.equal(shards.file(3), "texts.en.3.js");
  index.setTexts(3, texts(3));
  const start = shards.start(3);
  assert.equal(index.docs[start].text, texts(3)[0]);
  assert.equal(index.docs[start - 1].text, "", "other shards' texts are not set");
  assert.equal(shards.set[3], 1);
  assert.equal(shards.set[2], 0);
});
