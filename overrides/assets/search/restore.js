/*
 * The prebuilt index of one language, restored from the compact form scripts/search/index.py
 * writes (_compact; the file format is in that module's docstring): each field's length in every
 * section, the sorted terms, and for each term the sections of each field it occurs in, as one
 * string of gaps between refs, `gap:frequency` where it occurs more than once. The index file
 * holds the terms but not their postings, nor the section texts: both come in shards
 * (`termShards`: consecutive terms; `textShards`: whole pages), loaded by messages.js for the
 * words of a query and for the pages a result shows, and set here (setPostings, setTexts).
 *
 * Each term's postings are decoded and weighted as lunr.js's Builder weighs them (BM25, k1 = 1.2,
 * b = 0.75, idf over the postings of every field, times the field's boost) and summed over the
 * fields, on first use, into typed arrays. The terms also go into an automaton (for typo
 * matching), built on first use: see buildTokenSet.
 */
(function (root) {
  "use strict";

  const K1 = 1.2, B = 0.75;

  /* A node of the minimal automaton of the index's terms: `edges` by letter, `final` where a term ends. */
  class TokenNode {
    constructor(id) {
      this.id = id;
      this.final = false;
      this.edges = {};
    }
  }

  /*
   * The minimal automaton holding exactly `terms` (its start node), built as lunr's
   * TokenSet.Builder builds one (Daciuk's incremental algorithm), but with unambiguous node keys:
   * lunr 2.3.9 keys a node by its finality followed by each edge's label and target id run
   * together, so with digit labels two different nodes can get the same key ("0" + "1" + "23" is
   * both 1→23 and 1→2, 3→…) and be merged: some terms become unreachable and queries failed
   * with "reading '_index'" (terms like roma-ashkali-2017-2021). Here every edge is "label id,"
   * (a label is one UTF-16 unit). lunr.js itself is not needed in the browser (its TokenSet was
   * all the engine used of it).
   */
  function buildTokenSet(terms) {
    const sorted = Array.from(new Set(terms)).sort();
    let nodes = 0;
    const top = new TokenNode(nodes++), unchecked = [], minimized = new Map();
    const keyOf = node => (node.final ? "1" : "0") +
      Object.keys(node.edges).sort().map(label => `${label}${node.edges[label].id},`).join("");
    function minimize(downTo) {
      while (unchecked.length > downTo) {
        const { parent, label, child } = unchecked.pop();
        const key = keyOf(child);
        if (minimized.has(key)) parent.edges[label] = minimized.get(key);
        else minimized.set(key, child);
      }
    }
    let previous = "";
    for (const word of sorted) {
      let common = 0;
      while (common < word.length && common < previous.length && word[common] === previous[common]) common++;
      minimize(common);
      let node = unchecked.length ? unchecked[unchecked.length - 1].child : top;
      for (let i = common; i < word.length; i++) {
        const next = new TokenNode(nodes++);
        node.edges[word[i]] = next;
        unchecked.push({ parent: node, label: word[i], child: next });
        node = next;
      }
      node.final = true;
      previous = word;
    }
    minimize(0);
    return top;
  }

  /*
   * Calls visit(ref, frequency) for each item of a field's postings ("0,3:2,1"), refs from their
   * gaps: read character by character (a query decodes thousands of them; split() made as many strings).
   */
  function eachPosting(encoded, visit) {
    let ref = 0, value = 0, gap = -1;
    for (let i = 0; i <= encoded.length; i++) {
      const code = i < encoded.length ? encoded.charCodeAt(i) : 44;
      if (code === 44) {  // ","
        if (gap < 0) { ref += value; visit(ref, 1); } else { ref += gap; visit(ref, value); }
        value = 0;
        gap = -1;
      } else if (code === 58) {  // ":"
        gap = value;
        value = 0;
      } else {
        value = value * 10 + code - 48;
      }
    }
  }

  /* The numbers of a comma-separated string, as many as `count` (missing ones are 0). */
  function numbers(encoded, count) {
    const values = new Float64Array(count);
    if (encoded) encoded.split(",").forEach((value, i) => { if (i < count) values[i] = +value; });
    return values;
  }

  /* The number of postings of a field's encoded postings. */
  function postingCount(encoded) {
    let count = 1;
    for (let i = encoded.indexOf(","); i >= 0; i = encoded.indexOf(",", i + 1)) count++;
    return count;
  }

  /* Whether a decoded posting (its refs ascending) holds a section. */
  function hasRef(posting, ref) {
    const refs = posting.refs;
    let low = 0, high = refs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (refs[middle] === ref) return true;
      if (refs[middle] < ref) low = middle + 1; else high = middle - 1;
    }
    return false;
  }

  /*
   * Shards of consecutive items (terms, or docs): `file` is the name pattern of their files
   * ("terms.sr.{shard}.js"), `starts` the first item of each; `count` the number of items.
   */
  class Shards {
    constructor({ file, starts }, count) {
      this.pattern = file;
      this.starts = starts;
      this.count = count;
      this.set = new Uint8Array(starts.length);  // 1 for a shard whose items are set
    }

    get length() { return this.starts.length; }

    /* The shard holding an item: the last one starting at or before it. */
    of(item) {
      const starts = this.starts;
      let low = 0, high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= item) low = middle; else high = middle - 1;
      }
      return low;
    }

    /* The file name of a shard, relative to the index file. */
    file(shard) {
      return this.pattern.replace("{shard}", String(shard));
    }

    start(shard) {
      return this.starts[shard];
    }
  }

  class Index {
    constructor(payload) {
      const compact = payload.index;
      this.fields = Object.keys(compact.fieldBoosts);
      this.boosts = this.fields.map(field => compact.fieldBoosts[field]);
      this.terms = compact.terms;
      this.termIndex = new Map(this.terms.map((term, i) => [term, i]));
      this.encoded = new Array(this.terms.length);  // term index -> its postings by field, once its shard is set
      this.docs = restoreDocs(payload.docs);
      this.termShards = new Shards(payload.termShards, this.terms.length);
      this.textShards = new Shards(payload.textShards, this.docs.length);
      this.pages = this.docs.filter(doc => doc.page === doc);
      this.pageOf = new Int32Array(this.docs.length);  // ref -> position of its page in `pages`
      this.pages.forEach((page, position) => { page.position = position; });
      this.docs.forEach(doc => { this.pageOf[doc.ref] = doc.page.position; });
      this.functionWords = new Set(payload.functionWords || []);
      this.synonyms = payload.synonyms || [];
      this.titleField = this.fields.indexOf("title");
      this.postings = new Map();  // term index -> {refs, weights, titled}, on first use
      const count = this.docs.length;
      this.lengths = this.fields.map(field => numbers(compact.fieldLengths[field], count));
      this.averageLengths = this.lengths.map(lengths => lengths.reduce((sum, length) => sum + length, 0) / count || 1);
      this.scratch = null;  // {weights, titled, refs}: one section-sized buffer for decoding postings
      this.tokenSet = null;
    }

    /* Whether a term's postings are here (its shard was set). */
    hasPostings(termIndex) {
      return this.encoded[termIndex] !== undefined;
    }

    /* The postings of a shard's terms ({field: "gaps"} each), in term order from the shard's start. */
    setPostings(shard, entries) {
      const start = this.termShards.start(shard);
      entries.forEach((byField, i) => { this.encoded[start + i] = byField; });
      this.termShards.set[shard] = 1;
    }

    /*
     * A term's sections, decoded on first use: {refs: ascending Int32Array, weights: the weight of
     * each, summed over the fields, titled: 1 where the section's title holds the term}.
     */
    posting(termIndex) {
      let posting = this.postings.get(termIndex);
      if (posting) return posting;
      const byField = this.encoded[termIndex];
      if (byField === undefined) throw new Error(`search: the postings of "${this.terms[termIndex]}" are not loaded`);
      const count = this.docs.length;
      const scratch = this.scratch || (this.scratch = {
        weights: new Float64Array(count), titled: new Uint8Array(count), refs: new Int32Array(count) });
      let postings = 0, found = 0;
      for (const field in byField) postings += postingCount(byField[field]);
      const idf = Math.log(1 + Math.abs((count - postings + 0.5) / (postings + 0.5)));
      this.fields.forEach((field, f) => {
        if (!byField[field]) return;
        const lengths = this.lengths[f], average = this.averageLengths[f], boost = this.boosts[f], title = f === this.titleField;
        eachPosting(byField[field], (ref, frequency) => {
          const norm = K1 * (1 - B + B * (lengths[ref] / average));
          if (!scratch.weights[ref]) scratch.refs[found++] = ref;  // every weight is above 0
          scratch.weights[ref] += idf * ((K1 + 1) * frequency) / (norm + frequency) * boost;
          if (title) scratch.titled[ref] = 1;
        });
      });
      const refs = scratch.refs.slice(0, found).sort(), weights = new Float64Array(found), titled = new Uint8Array(found);
      for (let i = 0; i < found; i++) {
        const ref = refs[i];
        weights[i] = scratch.weights[ref];
        titled[i] = scratch.titled[ref];
        scratch.weights[ref] = 0;
        scratch.titled[ref] = 0;
      }
      posting = { refs, weights, titled };
      this.postings.set(termIndex, posting);
      return posting;
    }

    /* The texts of a shard's docs, in ref order from the shard's start. */
    setTexts(shard, texts) {
      const start = this.textShards.start(shard);
      texts.forEach((text, i) => { this.docs[start + i].text = text; });
      this.textShards.set[shard] = 1;
    }

    /* The automaton of every term (buildTokenSet), built on first use (typo matching only needs it). */
    tokenSetOfTerms() {
      return this.tokenSet || (this.tokenSet = buildTokenSet(this.terms));
    }
  }

  /* The docs to show: a page, then its sections (whose location is only their '#anchor'); their
     texts are "" until their shard is set. */
  function restoreDocs(entries) {
    const docs = [];
    let page = null;
    entries.forEach((entry, ref) => {  // a page's sections follow it: `end` is the ref after the last
      const extra = entry[2] || {};
      const doc = { ref, location: entry[0], title: entry[1], text: "", tags: extra.tags || null,
                    summary: extra.summary || "", demoted: Boolean(extra.demoted), page: null };
      if (doc.location.charAt(0) === "#" && page) {
        doc.location = page.location + doc.location;
        doc.page = page;
      } else {
        doc.page = page = doc;
      }
      page.end = ref + 1;
      docs.push(doc);
    });
    return docs;
  }

  root.crchSearch = Object.assign(root.crchSearch || {}, { restore: { Index, Shards, buildTokenSet, restoreDocs, eachPosting, hasRef } });
})(globalThis);
