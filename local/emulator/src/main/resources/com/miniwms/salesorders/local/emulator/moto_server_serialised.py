"""Runs moto's server with DynamoDB transactions that behave like DynamoDB's.

1. Isolation. moto applies a TransactWriteItems item by item and, when a condition fails, puts back a copy of the
   table taken before it began; under concurrent requests two transactions can both pass the same condition, or one
   can undo another's write. DynamoDB isolates transactions (serializable), so here every DynamoDB and DynamoDB
   Streams backend operation holds one lock.
2. Cost. Before each transaction moto deep-copies the whole table once per item of the transaction, so a write
   costs time in proportion to the table's size times the transaction's length (about 0.1 ms per stored item: 300 ms
   per write with 3,000 items). Here one snapshot is taken per table and transaction, and it copies only what the
   transaction can change: the item index is copied shallowly, the partitions it writes to are copied, and the items
   an Update changes in place are deep-copied (Put and Delete replace items, never change them).

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


def _snapshot(table, touched):
    """A copy of the table that a failed transaction can be rolled back to, without copying every item."""
    snap = _copy.copy(table)
    items = defaultdict(dict, table.items)
    for hash_value, range_value, in_place in touched:
        if hash_value not in table.items:
            continue
        if range_value is not None:
            if items[hash_value] is table.items[hash_value]:
                items[hash_value] = dict(table.items[hash_value])
            if in_place and range_value in items[hash_value]:
                items[hash_value][range_value] = _copy.deepcopy(items[hash_value][range_value])
        elif in_place:
            items[hash_value] = _copy.deepcopy(table.items[hash_value])
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
        touched = getattr(_STATE, "touched", None)
        if touched is None or not isinstance(value, Table):
            return _copy.deepcopy(value, memo)
        # moto asks once per item of the transaction; nothing changes in between, so one snapshot serves all.
        snapshots = _STATE.snapshots
        if value.name not in snapshots:
            snapshots[value.name] = _snapshot(value, touched.get(value.name, ()))
        return snapshots[value.name]


_original_transact = DynamoDBBackend.transact_write_items


def _touched_keys(backend, transact_items):
    """Per table, the (hash, range, changed in place) keys the transaction writes to."""
    touched = {}
    for entry in transact_items:
        op_type, op = next(iter(entry.items()))
        table = backend.tables.get(op.get("TableName"))
        if table is None:
            continue
        key = op["Item"] if op_type == "Put" else op["Key"]
        range_value = DynamoType(key[table.range_key_attr]) if table.range_key_attr else None
        touched.setdefault(table.name, []).append(
            (DynamoType(key[table.hash_key_attr]), range_value, op_type == "Update"))
    return touched


def _transact_write_items(self, transact_items):
    try:
        touched = _touched_keys(self, transact_items)
    except Exception:
        touched = None  # unusual input: moto copies the whole table and reports the problem itself
    _STATE.touched = touched
    _STATE.snapshots = {}
    try:
        return _original_transact(self, transact_items)
    finally:
        _STATE.touched = None
        _STATE.snapshots = None


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
