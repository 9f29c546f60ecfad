"""Runs moto's server with its DynamoDB operations one at a time.

moto applies a TransactWriteItems item by item and, when a condition fails, puts back a copy of the table taken
before it began; under concurrent requests two transactions can then both pass the same condition, or one can undo
another's write. DynamoDB isolates transactions from each other (serializable), so here every DynamoDB and
DynamoDB Streams backend operation holds one lock. Arguments are those of moto_server.
"""
import functools
import inspect
import sys
import threading

from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodbstreams.models import DynamoDBStreamsBackend
from moto.server import main

_LOCK = threading.RLock()


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
