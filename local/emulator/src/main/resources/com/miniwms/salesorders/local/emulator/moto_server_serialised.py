"""Runs moto's server with DynamoDB transactions that behave like DynamoDB's.

1. Isolation. moto applies a TransactWriteItems item by item and, when a condition fails, puts back a copy of the
   table taken before it began; under concurrent requests two transactions can both pass the same condition, or one
   can undo another's write. DynamoDB isolates transactions (serializable), so here every DynamoDB and DynamoDB
   Streams backend operation holds one lock.
2. Cost. The copy moto takes before each transaction is a deep copy of the whole table, so a write costs time in
   proportion to the table's size (about 0.1 ms per item: 300 ms per write with 3,000 items). Here that copy is a
   snapshot of the table's item index and stream (items are replaced, not changed, by Put and Delete); the items an
   Update in the transaction changes in place are deep-copied on their own.

Arguments are those of moto_server.
"""
import copy as _copy
import functools
import inspect
import sys
import threading
from collections import defaultdict

import moto.dynamodb.models as _models
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table
from moto.dynamodbstreams.models import DynamoDBStreamsBackend
from moto.server import main

_LOCK = threading.RLock()
_STATE = threading.local()


def _snapshot(table, updated_keys):
    """A copy of the table that a failed transaction can be rolled back to, without copying every item."""
    snap = _copy.copy(table)
    items = defaultdict(dict)
    for hash_value, value in table.items.items():
        items[hash_value] = dict(value) if isinstance(value, dict) else value
    for hash_value, range_value in updated_keys:
        current = table.get_item(hash_value, range_value)
        if current is not None:
            if range_value is not None:
                items[hash_value][range_value] = _copy.deepcopy(current)
            else:
                items[hash_value] = _copy.deepcopy(current)
    snap.items = items
    shard = table.stream_shard
    if shard is not None:
        snap_shard = _copy.copy(shard)
        snap_shard.items = list(shard.items)
        snap_shard.table = snap
        snap.stream_shard = snap_shard
    return snap


class _CopyModule:
    """moto's dynamodb models see this as their `copy` module: tables copied for a transaction get a snapshot."""

    def __getattr__(self, name):
        return getattr(_copy, name)

    @staticmethod
    def deepcopy(value, memo=None):
        updated = getattr(_STATE, "updated", None)
        if updated is None or not isinstance(value, Table):
            return _copy.deepcopy(value, memo)
        return _snapshot(value, updated.get(value.name, ()))


_original_transact = DynamoDBBackend.transact_write_items


def _transact_write_items(self, transact_items):
    updated = {}
    try:
        for entry in transact_items:
            op_type, op = next(iter(entry.items()))
            if op_type == "Update" and op.get("TableName") in self.tables:
                table = self.tables[op["TableName"]]
                key = op["Key"]
                range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
                updated.setdefault(table.name, []).append((DynamoType(key[table.hash_key_attr]), range_value))
    except Exception:
        updated = None  # unusual input: moto copies the whole table and reports the problem itself
    _STATE.updated = updated
    try:
        return _original_transact(self, transact_items)
    finally:
        _STATE.updated = None


_models.copy = _CopyModule()
DynamoDBBackend.transact_write_items = _transact_write_items


def _serialised(method):
    @functools.wraps(method)
    def run(*args, **kwargs):
        with _LOCK:
            return method(*args, **kwargs)

    return run


for _backend in (DynamoDBBackend, DynamoDBStreamsBackend):
    for _name, _value in list(vars(_backend).items()):
        if inspect.isfunction(_value) and not _name.startswith("_"):
            setattr(_backend, _name, _serialised(_value))

if __name__ == "__main__":
    sys.exit(main())
