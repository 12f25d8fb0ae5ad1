"""A Word export's own metadata: who and when, gpp-tui as the application, no template."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.opc.part import XmlPart

APPLICATION = "gpp-tui"
"""The application named in docProps/app.xml."""
PROPERTY_LIMIT = 255
"""python-docx refuses longer core property values."""
_APP_XML = (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties"><Application>{application}</Application></Properties>'
)


def set_package_properties(
    doc: Document, *, title: str, author: str, modified_by: str, moment: datetime
) -> None:
    """Describe the document as this export, made now by this user.

    python-docx's template says it was made on 2013-12-23 by "python-docx" in
    "Microsoft Macintosh Word" and carries a thumbnail of an empty page: none of
    that may travel in a document a lawyer files.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    properties = doc.core_properties
    properties.title = _fitting(title)
    properties.author = _fitting(author)
    properties.last_modified_by = _fitting(modified_by)
    properties.comments = ""
    properties.revision = 1
    # python-docx writes the time as given with a "Z": hand it UTC.
    when = moment.astimezone(UTC).replace(microsecond=0)
    properties.created = when
    properties.modified = when
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rel_id]
    package.relate_to(_app_part(doc), RT.EXTENDED_PROPERTIES)


def _app_part(doc: Document) -> XmlPart:
    """docProps/app.xml naming gpp-tui (python-docx has no API for extended properties)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml.parser import parse_xml

    element = parse_xml(_APP_XML.format(application=APPLICATION))
    package = doc.part.package
    return XmlPart(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, element, package)


def _fitting(text: str) -> str:
    """A property value python-docx accepts: at most 255 characters."""
    return text if len(text) <= PROPERTY_LIMIT else text[: PROPERTY_LIMIT - 1] + "…"
