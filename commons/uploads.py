"""Uploads larger than any form accepts are not written to disk in full.

Django streams a file too large for memory into a temporary file, however large: a 2 GB upload
fills 2 GB of the web machine's /tmp before the form can say it is too big. This handler keeps
only the first UPLOAD_MAX_BYTES and drops the rest, while the file still reports its real size,
so the form refuses it with its own plain message ("must be smaller than 20 MB") and keeps
everything else the person typed. The proxy's body limit (docs/deploy.md) stops such uploads
earlier still; this holds without it.
"""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


class CappedTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        room = settings.UPLOAD_MAX_BYTES - start
        if room > 0:
            self.file.write(raw_data[:room])
        # Django counts every chunk for the file's size, written or not (file_complete).
