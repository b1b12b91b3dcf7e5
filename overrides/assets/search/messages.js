/*
 * Material's search-worker protocol (SETUP -> READY, QUERY -> RESULT), answered from the index of
 * one language. Used by worker.js in a worker and by loader.js in the page (opened from disk).
 */
(function (root) {
  "use strict";

  const { restore, query, results } = root.crchSearch;
  const MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 };  // Material's SearchMessageType

  /* The search of one language's payload (the object an index.<language>.js file sets). */
  class SearchEngine {
    constructor(payload) {
      this.index = new restore.Index(payload);
    }

    search(text) {
      return results.materialResult(query.rank(this.index, text));
    }
  }

  /*
   * Answers Material's messages: SETUP loads the index (once) and answers READY; QUERY answers
   * RESULT. `loadPayload` returns the index payload (or a promise of it); `reply` posts a message.
   */
  function createMessageHandler(loadPayload, reply) {
    let engine = null;
    const fail = error => root.console.error(`search: ${error && error.message || error}`);
    return message => {
      if (message.type === MESSAGE.SETUP) {
        engine = engine || Promise.resolve().then(loadPayload).then(payload => new SearchEngine(payload));
        engine.then(() => reply({ type: MESSAGE.READY }), fail);
      } else if (message.type === MESSAGE.QUERY && engine) {
        engine.then(loaded => reply({ type: MESSAGE.RESULT, data: loaded.search(message.data) })).catch(fail);
      }
    };
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, { messages: { MESSAGE, SearchEngine, createMessageHandler } });
})(globalThis);
