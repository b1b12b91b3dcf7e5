/*
 * Material's search-worker protocol (SETUP -> READY, QUERY -> RESULT), answered from the index of
 * one language. Used by worker.js in a worker and by loader.js in the page (opened from disk),
 * each giving how to load a shard file of the index.
 *
 * A query is answered as soon as the postings of its words are here (the index file holds the
 * terms; the postings come in term shards, one or two per query, and the rest are loaded one after
 * the other once a first query with words has been answered with its excerpts, so that they never
 * hold the connections a query's own shards need; then the typo matcher's TokenSet is built, before
 * a misspelt word needs it): a RESULT with titles and summaries, marked `pending: true`, and then,
 * once the text shards of the pages shown have arrived, the same RESULT with the excerpts.
 * Material renders every RESULT it gets afresh (scripts/mkdocs_adapter/upstream.py). A RESULT is
 * only ever sent for the newest query: one replaced while it waited is dropped.
 */
(function (root) {
  "use strict";

  const { restore, query, results } = root.crchSearch;
  const MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };  // Material's SearchMessageType

  const fail = error => root.console.error(`search: ${error && error.message || error}`);

  /*
   * The search of one language: `payload` is the object an index.<language>.js file sets, and
   * `loadShard(file)` returns (a promise of) the value of one of its shard files.
   */
  class SearchEngine {
    constructor(payload, loadShard) {
      this.index = new restore.Index(payload);
      this.loadShard = loadShard;
      this.loads = new Map();  // file -> promise of its shard being set
      this.prefetching = null;  // promise of the prefetch (prefetchPostings), once started
    }

    /* Loads and sets a shard once (one that fails is tried again the next time it is wanted). */
    load(shards, shard, set) {
      const file = shards.file(shard);
      if (!this.loads.has(file)) {
        this.loads.set(file, Promise.resolve()
          .then(() => this.loadShard(file))
          .then(value => set(shard, value))
          .catch(error => { this.loads.delete(file); fail(error); }));
      }
      return this.loads.get(file);
    }

    /* The shards of these items not set yet, loaded (a promise that never fails). */
    loadAll(shards, items, set) {
      const wanted = new Set();
      for (const item of items) {
        const shard = shards.of(item);
        if (!shards.set[shard]) wanted.add(shard);
      }
      return Promise.all(Array.from(wanted, shard => this.load(shards, shard, set)));
    }

    /* Sets the postings of these terms (those of a shard that fails match nothing meanwhile). */
    postingsOf(terms) {
      return this.loadAll(this.index.termShards, terms, (shard, entries) => this.index.setPostings(shard, entries));
    }

    /* Sets the texts of these docs (a shard that fails leaves its sections without an excerpt). */
    textsOf(refs) {
      return this.loadAll(this.index.textShards, refs, (shard, texts) => this.index.setTexts(shard, texts));
    }

    /*
     * The term shards not loaded yet, one at a time, once (later queries wait for none), and then
     * the TokenSet of typo matching (a promise settled when both are done).
     */
    prefetchPostings() {
      if (this.prefetching) return this.prefetching;
      const shards = this.index.termShards, waiting = Array.from({ length: shards.length }, (_, shard) => shard);
      const next = () => {
        while (waiting.length) {
          const shard = waiting.shift();
          if (!shards.set[shard])
            return this.load(shards, shard, (at, entries) => this.index.setPostings(at, entries)).then(next);
        }
        return undefined;
      };
      this.prefetching = next().then(() => { this.index.tokenSetOfTerms(); });
      return this.prefetching;
    }

    /* A promise of the ranked pages (query.rank) of a query, once its words' postings are here. */
    rank(text) {
      const prepared = query.prepare(this.index, text);
      return this.postingsOf(query.termsOf(prepared)).then(() => query.rank(this.index, prepared));
    }

    /* The refs of the sections shown with their excerpts (those of the first pages). */
    shownRefs(ranked) {
      return ranked.pages.slice(0, query.DETAILED_PAGES).flatMap(page => page.sections.map(section => section.doc.ref));
    }

    /* A promise of Material's SearchResult with every excerpt (the texts of the pages shown loaded). */
    search(text) {
      return this.rank(text).then(ranked => this.textsOf(this.shownRefs(ranked)).then(() => results.materialResult(ranked)));
    }

    /*
     * Answers a query with `reply(result)`: at once from the index, marked `pending` if the texts
     * of some pages shown are still to come, and then again with their excerpts. Nothing is sent
     * once `current()` is false (a newer query came). A promise settled once the first answer was
     * sent (or dropped): the next query need not wait for this one's excerpts.
     */
    answer(text, current, reply) {
      return this.rank(text).then(ranked => {
        if (!current()) return;
        const shown = this.shownRefs(ranked), shards = this.index.textShards;
        const complete = shown.every(ref => shards.set[shards.of(ref)]);
        const first = results.materialResult(ranked);
        reply(complete ? first : Object.assign(first, { pending: true }));
        const done = complete ? Promise.resolve() : this.textsOf(shown).then(() => {
          if (current()) reply(results.materialResult(ranked));
        });
        if (ranked.concepts.length) done.then(() => this.prefetchPostings());
      });
    }
  }

  const LIKELY_SHARDS = 4;  // term shards asked for at most before the index is here

  /*
   * The term shards that likely hold a query's words, before the index (and so its terms) is
   * here: from the first term of each shard (`firstTerms`, the index's terms.<language>.js:
   * {file, starts}), the shard where each word and the stem of its other forms would be, and the
   * next one (the words it begins may go on there). Typos are not guessed. File names.
   */
  function likelyShards(firstTerms, text) {
    const shards = new restore.Shards(firstTerms, firstTerms.starts.length), wanted = new Set();
    for (const word of query.queryWords(text))
      for (const prefix of [word.folded, query.stemOf(word.folded)]) {
        if (!prefix) continue;
        const from = shards.of(prefix), to = Math.min(shards.of(`${prefix}\uffff`), from + 1);
        for (let shard = from; shard <= to; shard++) wanted.add(shard);
      }
    return Array.from(wanted).slice(0, LIKELY_SHARDS).map(shard => shards.file(shard));
  }

  /*
   * Answers Material's messages: SETUP loads the index (once) and answers READY; QUERY answers
   * RESULT (twice when the excerpts follow), one query after the other, and not at all for a
   * query a newer one has replaced while it waited (Material shows the last RESULT it gets).
   * `loadPayload` returns (a promise of) the index payload, `loadShard` is SearchEngine's,
   * `reply` posts a message. `loadFirstTerms`, if given, returns (a promise of) the first terms
   * of the term shards (likelyShards): READY is then answered at once, a query that comes before
   * the index has its shards asked for at once, and the engine takes them when it wants them.
   */
  function createMessageHandler(loadPayload, loadShard, reply, loadFirstTerms = null) {
    let engine = null, ready = false, firstTerms = null, queue = Promise.resolve(), latest = 0;
    const early = new Map();  // file -> promise of a shard asked for before the index was here
    const shard = file => {
      const asked = early.get(file);
      early.delete(file);
      return asked || loadShard(file);
    };
    const askEarly = text => firstTerms.then(found => {
      if (!found || ready) return;
      for (const file of likelyShards(found, text))
        if (!early.has(file)) {
          const asked = Promise.resolve(file).then(loadShard);
          asked.catch(() => {});  // a failure is the engine's to report, when it takes the shard
          early.set(file, asked);
        }
    }).catch(fail);
    return message => {
      if (message.type === MESSAGE.SETUP) {
        if (!engine) {
          if (loadFirstTerms) firstTerms = Promise.resolve().then(loadFirstTerms).catch(error => { fail(error); return null; });
          engine = Promise.resolve().then(loadPayload).then(payload => new SearchEngine(payload, shard));
          engine.then(() => { ready = true; }, () => {});
        }
        // Material sends no QUERY before READY. With the shards' first terms coming, READY is
        // answered at once: a query typed meanwhile has its shards asked for while the index
        // still loads, and waits for it in the queue. Without them, once the index is here.
        if (loadFirstTerms) {
          reply({ type: MESSAGE.READY });
          engine.catch(fail);
        } else {
          engine.then(() => reply({ type: MESSAGE.READY }), fail);
        }
      } else if (message.type === MESSAGE.QUERY && engine) {
        if (!ready && firstTerms) askEarly(message.data);
        const number = ++latest, current = () => number === latest;
        queue = queue.then(() => engine)
          .then(loaded => current() && loaded.answer(message.data, current, data => reply({ type: MESSAGE.RESULT, data })))
          .catch(fail);
      }
    };
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, { messages: { MESSAGE, SearchEngine, createMessageHandler, likelyShards } });
})(globalThis);
