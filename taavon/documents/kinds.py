"""What each background-built document is: its builder, content type and file name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from taavon.documents import pdf, xlsx
from taavon.documents.models import DocumentKind
from taavon.registry.models import Cooperative

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class DocumentSpec:
    build: Callable[[Cooperative], bytes]
    content_type: str
    stem: str

    @property
    def extension(self) -> str:
        return "pdf" if self.content_type == PDF else "xlsx"

    @property
    def is_pdf(self) -> bool:
        return self.content_type == PDF

    def filename(self, cooperative_id: int) -> str:
        return f"{self.stem}-{cooperative_id}.{self.extension}"


SPECS: dict[str, DocumentSpec] = {
    DocumentKind.MEMBER_REGISTER_PDF: DocumentSpec(
        partial(pdf.member_register_pdf, background=True), PDF, "member-register"
    ),
    DocumentKind.CAPITAL_REGISTER_PDF: DocumentSpec(
        partial(pdf.capital_register_pdf, background=True), PDF, "capital-register"
    ),
    DocumentKind.MEMBER_REGISTER_XLSX: DocumentSpec(
        xlsx.member_register_xlsx, XLSX, "member-register"
    ),
    DocumentKind.CAPITAL_REGISTER_XLSX: DocumentSpec(
        xlsx.capital_register_xlsx, XLSX, "capital-register"
    ),
}
