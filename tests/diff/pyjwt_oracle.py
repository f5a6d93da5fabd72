"""PyJWT as an oracle for the differential tests (tests/diff/diff.test.mjs).

Reads one JSON array of requests on stdin and writes one JSON array of answers on stdout, in
order, so the whole run costs one Python start. Requests:

  {"op": "verify", "token": str, "key": KEY, "alg": str}
      -> {"ok": true, "payload": {...}} or {"ok": false, "error": "ExceptionName: message"}
  {"op": "sign", "header": {...}, "payload": {...}, "key": KEY, "alg": str}
      -> {"ok": true, "token": str} or {"ok": false, "error": ...}
  {"op": "sign_raw", "input": str, "key": KEY, "alg": str}
      -> {"ok": true, "signature": base64url} (the signature over exactly `input`)

KEY is {"secret_hex": str} for HMAC or {"pem": str} for the other families. Verification uses
PyJWT's defaults (signature, exp, nbf, iat, and aud when the token has one) with the algorithm
pinned, as the other libraries are called.
"""

import base64
import json
import sys

import jwt
from jwt.algorithms import get_default_algorithms


def key_of(spec):
    if "secret_hex" in spec:
        return bytes.fromhex(spec["secret_hex"])
    return spec["pem"]


def answer(request):
    op = request["op"]
    key = key_of(request["key"])
    alg = request["alg"]
    try:
        if op == "verify":
            payload = jwt.decode(request["token"], key, algorithms=[alg])
            return {"ok": True, "payload": payload}
        if op == "sign":
            token = jwt.encode(request["payload"], key, algorithm=alg, headers=request["header"])
            return {"ok": True, "token": token}
        if op == "sign_raw":
            algorithm = get_default_algorithms()[alg]
            signature = algorithm.sign(request["input"].encode(), algorithm.prepare_key(key))
            return {"ok": True, "signature": base64.urlsafe_b64encode(signature).rstrip(b"=").decode()}
        return {"ok": False, "error": f"unknown op {op}"}
    except Exception as error:  # every PyJWT rejection is an answer, not a crash
        return {"ok": False, "error": f"{type(error).__name__}: {error}"}


def main():
    requests = json.load(sys.stdin)
    json.dump([answer(r) for r in requests], sys.stdout)


if __name__ == "__main__":
    main()
