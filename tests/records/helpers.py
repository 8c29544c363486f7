import io
import json

from joinedup.records.importer import import_file
from joinedup.records.models import Child, Concern, ConcernChild, ConcernVersion, Mention


def jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def run_import(data: bytes, **kwargs):
    return import_file(io.BytesIO(data), **kwargs)


def counts():
    return {
        "concerns": Concern.objects.count(),
        "versions": ConcernVersion.objects.count(),
        "children": Child.objects.count(),
        "descriptions": ConcernChild.objects.count(),
        "mentions": Mention.objects.count(),
    }
