"""The one owner of the Word file format (WordprocessingML in an OOXML package).

No other module of the package spells a namespace URI, builds WordprocessingML or zips a
DOCX; they call these modules:

- :mod:`.names`: namespace URIs, qualified names, part names and relationship types;
- :mod:`.markup`: XML-safe text (:func:`~.markup.safe`, the one gate every text of a DOCX goes
  through) and the element builders, as strings (the fast writer) and as ElementTree elements
  (the redline);
- :mod:`.bookmarks`: the bookmark naming rule and its inverse;
- :mod:`.package`: reproducible zip packaging, ``[Content_Types].xml`` first, the core
  properties and W3CDTF dates;
- :mod:`.reference`: what a writer takes from its reference document (the parts it copies,
  the document around the body, style ids, page geometry, tab stops);
- :mod:`.manifest`: the key manifest a draft's DOCX carries (key, bookmark, text fingerprint of
  every node it shows), written and found again;
- :mod:`.wordtext`: the paragraphs and tables of a body as a reader sees them (tracked changes
  accepted or rejected, bookmarks, styles), with :mod:`.numbering`, the labels of Word's
  automatic numbering.
"""
