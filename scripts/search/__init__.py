"""Search: the folding shared with the browser, and the prebuilt lunr index of each language."""
