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
  the document around the body, style ids, page geometry, tab stops).
"""
