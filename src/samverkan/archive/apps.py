from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "samverkan.archive"
    verbose_name = "Arkiv"

    def ready(self):
        from samverkan.directory.audit import register

        register("archive.sourcedocument", lambda document: f"källdokumentet ”{document.file_name}”")

        from samverkan.search.attachments import set_reader

        set_reader(attachment_text)


def attachment_text(data: bytes, name: str) -> str:
    """An uploaded attachment's text for the search index, read as the importer reads documents; a PDF
    without a text layer stays unread (OCR takes seconds a page, too long for an upload)."""
    from pathlib import Path

    from .extract import extract_data
    from .extract.pdf import pdf_text_and_pages

    if data.startswith(b"%PDF"):
        return pdf_text_and_pages(data, Path(name))[0]
    return extract_data(data, Path(name)).text
