/*
 * Material's search-worker protocol (SETUP -> READY, QUERY -> RESULT), answered from the index of
 * one language. Used by worker.js in a worker and by loader.js in the page (opened from disk),
 * each giving how to load the index file and a text shard.
 */
(function (root) {
  "use strict";

  const { restore, query, results } = root.crchSearch;
  const MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };  // Material's SearchMessageType

  const fail = error => root.console.error(`search: ${error && error.message || error}`);

  /*
   * The search of one language: `payload` is the object an index.<language>.js file sets, and
   * `loadTexts(file, shard)` returns (a promise of) the texts of one of its shards.
   */
  class SearchEngine {
    constructor(payload, loadTexts) {
      this.index = new restore.Index(payload);
      this.loadTexts = loadTexts;
      this.shards = new Map();  // shard -> promise of its texts being set
    }

    /* Sets the texts of these docs, loading each shard once (one that fails is tried again later,
       and meanwhile its sections show no excerpt). */
    textsOf(refs) {
      const index = this.index, wanted = new Set(refs.map(ref => index.shardOf(ref)));
      return Promise.all(Array.from(wanted, shard => {
        if (!this.shards.has(shard)) {
          this.shards.set(shard, Promise.resolve()
            .then(() => this.loadTexts(index.shardFile(shard), shard))
            .then(texts => index.setTexts(shard, texts))
            .catch(error => { this.shards.delete(shard); fail(error); }));
        }
        return this.shards.get(shard);
      }));
    }

    /* A promise of Material's SearchResult: the pages ranked, then the texts of those shown loaded. */
    search(text) {
      const ranked = query.rank(this.index, text);
      const shown = ranked.pages.slice(0, query.DETAILED_PAGES).flatMap(page => page.sections.map(section => section.doc.ref));
      return this.textsOf(shown).then(() => results.materialResult(ranked));
    }
  }

  /*
   * Answers Material's messages: SETUP loads the index (once) and answers READY; QUERY answers
   * RESULT, one query after the other, and not at all for a query a newer one has replaced while
   * it waited (Material shows the last RESULT it gets). `loadPayload` returns (a promise of) the
   * index payload, `loadTexts` is SearchEngine's, `reply` posts a message.
   */
  function createMessageHandler(loadPayload, loadTexts, reply) {
    let engine = null, queue = Promise.resolve(), latest = 0;
    return message => {
      if (message.type === MESSAGE.SETUP) {
        engine = engine || Promise.resolve().then(loadPayload).then(payload => new SearchEngine(payload, loadTexts));
        engine.then(() => reply({ type: MESSAGE.READY }), fail);
      } else if (message.type === MESSAGE.QUERY && engine) {
        const number = ++latest;
        queue = queue.then(() => engine)
          .then(loaded => number === latest ? loaded.search(message.data) : null)
          .then(result => { if (result && number === latest) reply({ type: MESSAGE.RESULT, data: result }); })
          .catch(fail);
      }
    };
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, { messages: { MESSAGE, SearchEngine, createMessageHandler } });
})(globalThis);
