"""The backup envelope: what goes in comes out, and a wrong key, damage or a cut is refused."""

import io

import pytest

from joinedup.integrity import crypto

SECRET = b"correct horse battery staple, fictional"


def _seal(data: bytes, secret: bytes = SECRET) -> bytes:
    out = io.BytesIO()
    writer = crypto.EncryptingWriter(out, secret)
    writer.write(data)
    writer.close()
    return out.getvalue()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(crypto, "CHUNK", 64)


@pytest.mark.parametrize("size", [0, 1, 63, 64, 65, 1000])
def test_what_is_sealed_opens_with_the_same_key(size):
    data = bytes(range(256)) * 4
    sealed = _seal(data[:size])
    reader = crypto.DecryptingReader(io.BytesIO(sealed), SECRET)
    assert reader.read(10) + reader.read() == data[:size]


def test_the_plaintext_is_not_in_the_file():
    sealed = _seal(b"Ann Example lives at 1 Fictional Road" * 10)
    assert b"Fictional" not in sealed


def test_a_wrong_key_is_named_as_such():
    with pytest.raises(crypto.WrongKey):
        crypto.DecryptingReader(io.BytesIO(_seal(b"x" * 200)), b"another fictional secret!")


@pytest.mark.parametrize("position", [crypto.HEADER_LEN + 10, -5])
def test_a_flipped_byte_is_refused(position):
    sealed = bytearray(_seal(b"y" * 300))
    sealed[position] ^= 1
    reader = crypto.DecryptingReader(io.BytesIO(bytes(sealed)), SECRET)
    with pytest.raises(crypto.Damaged):
        reader.drain()


def test_a_file_cut_at_a_chunk_boundary_is_refused():
    sealed = _seal(b"z" * 300)  # 5 chunks of 64 + a last one
    first_two = crypto.HEADER_LEN + 2 * (4 + 64 + 16)
    reader = crypto.DecryptingReader(io.BytesIO(sealed[:first_two]), SECRET)
    with pytest.raises(crypto.Damaged):
        reader.drain()


def test_something_that_is_not_a_backup_is_refused():
    with pytest.raises(crypto.Damaged):
        crypto.DecryptingReader(io.BytesIO(b"SQLite format 3\x00" + b"\x00" * 200), SECRET)
