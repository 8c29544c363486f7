"""Encrypted backup files: a streaming, chunked AES-256-GCM envelope.

File layout (all integers big-endian):

    header  = b"JOINEDUP-BACKUP\\n" (16 bytes) | format version (1 byte, = 1) | salt (16 bytes)
              | nonce prefix (7 bytes) | key check (32 bytes)                      -- 72 bytes
    chunk*  = ciphertext length (4 bytes) | AES-256-GCM ciphertext with its 16-byte tag

The key is derived from the secret (JOINEDUP_BACKUP_KEY or the file named by JOINEDUP_BACKUP_KEY_FILE)
with scrypt (n=2**15, r=8, p=1, the salt above) into 64 bytes: the first 32 are the AES key, the last 32
give the key check (sha256 of them), which tells a wrong key apart from a damaged file. Plaintext is cut
into 1 MiB chunks; chunk i is encrypted with nonce = prefix | i (4 bytes) | 1 if it is the last chunk else
0 (1 byte), and the whole header as associated data. So every chunk is authenticated before any of its
plaintext is used, chunks cannot be reordered, dropped or moved between files, and a file cut short is
refused (its new last chunk was not encrypted as the last).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from django.conf import settings

MAGIC = b"JOINEDUP-BACKUP\n"
FORMAT = 1
HEADER_LEN = len(MAGIC) + 1 + 16 + 7 + 32
CHUNK = 1 << 20
MIN_SECRET_LENGTH = 16


class BackupError(Exception):
    """A backup cannot be written or used; the message says why, in plain words."""


class WrongKey(BackupError):
    pass


class Damaged(BackupError):
    pass


def backup_secret() -> bytes:
    """The backup secret from JOINEDUP_BACKUP_KEY or JOINEDUP_BACKUP_KEY_FILE (exactly one)."""
    value, path = settings.JOINEDUP_BACKUP_KEY, settings.JOINEDUP_BACKUP_KEY_FILE
    if value and path:
        raise BackupError("set JOINEDUP_BACKUP_KEY or JOINEDUP_BACKUP_KEY_FILE, not both")
    if path:
        try:
            value = Path(path).read_text().strip()
        except OSError as exc:
            raise BackupError(f"cannot read JOINEDUP_BACKUP_KEY_FILE {path}: {exc.strerror}") from None
    if not value:
        raise BackupError("no backup key: set JOINEDUP_BACKUP_KEY or JOINEDUP_BACKUP_KEY_FILE")
    if len(value) < MIN_SECRET_LENGTH:
        raise BackupError(f"the backup key must be at least {MIN_SECRET_LENGTH} characters long")
    return value.encode()


def _derive(secret: bytes, salt: bytes) -> tuple[bytes, bytes]:
    material = Scrypt(salt=salt, length=64, n=2**15, r=8, p=1).derive(secret)
    return material[:32], hashlib.sha256(b"joinedup-backup-key-check" + material[32:]).digest()


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", index, 1 if last else 0)


class EncryptingWriter:
    """A write-only binary stream that encrypts into `out` (call close() to write the last chunk)."""

    def __init__(self, out, secret: bytes) -> None:
        salt, self._prefix = os.urandom(16), os.urandom(7)
        key, check = _derive(secret, salt)
        self._aead = AESGCM(key)
        self._header = MAGIC + bytes([FORMAT]) + salt + self._prefix + check
        self._out = out
        self._out.write(self._header)
        self._buffer = bytearray()
        self._index = 0
        self.closed = False

    def write(self, data) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep at least one byte back: the last chunk is never empty-by-accident
            self._emit(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _emit(self, plaintext: bytes, last: bool) -> None:
        ciphertext = self._aead.encrypt(_nonce(self._prefix, self._index, last), plaintext, self._header)
        self._out.write(struct.pack(">I", len(ciphertext)) + ciphertext)
        self._index += 1

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buffer), last=True)
            self._buffer.clear()
            self.closed = True


class DecryptingReader:
    """A read-only binary stream of the plaintext of `source`; raises WrongKey or Damaged. Read it to the
    end (`drain()`) to know the file was whole."""

    def __init__(self, source, secret: bytes) -> None:
        self._in = source
        header = source.read(HEADER_LEN)
        if len(header) < HEADER_LEN or not header.startswith(MAGIC):
            raise Damaged("this is not a JoinedUp backup file (or its beginning is damaged)")
        if header[len(MAGIC)] != FORMAT:
            raise Damaged(f"unsupported backup format version {header[len(MAGIC)]}")
        salt = header[len(MAGIC) + 1:len(MAGIC) + 17]
        self._prefix = header[len(MAGIC) + 17:len(MAGIC) + 24]
        key, check = _derive(secret, salt)
        if not hmac.compare_digest(check, header[len(MAGIC) + 24:]):
            raise WrongKey("the backup key does not open this backup (wrong key, or the file's header is damaged)")
        self._aead = AESGCM(key)
        self._header = header
        self._index = 0
        self._buffer = bytearray()
        self._next_length = self._read_length()
        self._done = False

    def _read_length(self) -> int | None:
        raw = self._in.read(4)
        if not raw:
            return None
        if len(raw) < 4:
            raise Damaged("the backup file is cut short")
        (length,) = struct.unpack(">I", raw)
        if length > CHUNK + 16:
            raise Damaged("the backup file is damaged (impossible chunk length)")
        return length

    def _next_chunk(self) -> None:
        length = self._next_length
        if length is None:
            raise Damaged("the backup file is cut short (its last part is missing)")
        ciphertext = self._in.read(length)
        if len(ciphertext) != length:
            raise Damaged("the backup file is cut short")
        self._next_length = self._read_length()
        last = self._next_length is None
        try:
            plaintext = self._aead.decrypt(_nonce(self._prefix, self._index, last), ciphertext, self._header)
        except InvalidTag:
            raise Damaged(f"the backup file is damaged or was altered (part {self._index + 1} fails its check)") from None
        self._index += 1
        self._buffer += plaintext
        self._done = last

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            self._next_chunk()
        if size < 0:
            size = len(self._buffer)
        out = bytes(self._buffer[:size])
        del self._buffer[:size]
        return out

    def drain(self) -> None:
        """Read (and authenticate) everything left, discarding it."""
        while not self._done:
            self._next_chunk()
            self._buffer.clear()
        self._buffer.clear()
