#!/usr/bin/env python3
"""Captures the custos-evidence/2 demo vector from an anvil serving consortium/fixtures/demo (argv[1] = RPC URL,
argv[2] = fixture dir, argv[3] = output file). Finds clinic 0's ClinicAdmitted, its first AuditCheckpoint with a
non-empty tree and its first KeyDestroyed whose receipt the fixture's kms-receipts.json has; writes header-only
blocks from the registration block to the last event block, full blocks with receipts where an event is, the
registry's eth_getProof of the clinic's kmsAttestationKey slot at the KeyDestroyed block, the receipt bytes and
signature, and an RFC 9162 inclusion path of one access-log entry under the checkpoint's root."""
import hashlib, json, sys, urllib.request, zipfile

URL, FIX, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
def rpc(method, *params):
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": list(params)}).encode()
    with urllib.request.urlopen(urllib.request.Request(URL, body, {"Content-Type": "application/json"})) as r:
        a = json.load(r)
    if "error" in a: raise SystemExit(str(a["error"]))
    return a["result"]
def kec(text): return rpc("web3_sha3", "0x" + text.encode().hex())
scen = json.load(open(FIX + "/scenario.json"))
registry, records = scen["contracts"]["registry"], scen["contracts"]["records"]
ADMITTED = kec("ClinicAdmitted(bytes32,uint8,bool,address,address,address)")
CHECKPOINT = kec("AuditCheckpoint(bytes32,uint64,bytes32)")
DESTROYED = kec("KeyDestroyed(bytes32,bytes32,bytes32)")
clinic = json.load(open(FIX + "/kms-receipts.json"))[0]["clinic"]
receipts = {r["sha256"]: r for r in json.load(open(FIX + "/kms-receipts.json"))}
def logs(addr, topic):
    return rpc("eth_getLogs", {"fromBlock": "0x0", "toBlock": "latest", "address": addr, "topics": [topic, clinic]})
adm = logs(registry, ADMITTED)[0]
cps = [l for l in logs(records, CHECKPOINT) if int(l["data"][2:66], 16) > 0]
cp = cps[0]
kd = [l for l in logs(records, DESTROYED) if "0x" + l["data"][2:66] in receipts]
good = [l for l in kd if receipts["0x" + l["data"][2:66]]["signer"].lower() == "0x" + adm["data"][2 + 64 * 3 + 24:2 + 64 * 4]]
dest = good[0]
ev_blocks = sorted({int(l["blockNumber"], 16) for l in (adm, cp, dest)})
first, last = ev_blocks[0], ev_blocks[-1]
blocks = []
for n in range(first, last + 1):
    if n in ev_blocks:
        blocks.append({"block": rpc("eth_getBlockByNumber", hex(n), True), "receipts": rpc("eth_getBlockReceipts", hex(n))})
    else:
        b = rpc("eth_getBlockByNumber", hex(n), False); b.pop("transactions", None)
        blocks.append({"block": b})
def event(l):
    return {"block": l["blockNumber"], "transactionIndex": l["transactionIndex"], "logIndex": l["logIndex"],
            "address": l["address"], "topics": l["topics"], "data": l["data"]}
base = int(rpc("web3_sha3", clinic + "00" * 32), 16)
slot = "0x%064x" % (base + 1)
proof = rpc("eth_getProof", registry, [slot], dest["blockNumber"])
size = int(cp["data"][2:66], 16)
z = zipfile.ZipFile(FIX + "/bundles/clinic-0.zip")
entries = [z.read("access-log/%06d.json" % i) for i in range(size)]
leaves = [hashlib.sha256(b"\x00" + e).digest() for e in entries]
def node(a, b): return hashlib.sha256(b"\x01" + a + b).digest()
def mth(ls):
    if len(ls) == 1: return ls[0]
    k = 1
    while k * 2 < len(ls): k *= 2
    return node(mth(ls[:k]), mth(ls[k:]))
def path(m, ls):
    if len(ls) == 1: return []
    k = 1
    while k * 2 < len(ls): k *= 2
    return path(m, ls[:k]) + [mth(ls[k:])] if m < k else path(m - k, ls[k:]) + [mth(ls[:k])]
m = size // 2
root = mth(leaves)
assert "0x" + root.hex() == "0x" + cp["data"][66:130], ("root differs", root.hex(), cp["data"])
rec = receipts["0x" + dest["data"][2:66]]
out = {
  "description": "Captured from the Custos demo chain (consortium/fixtures/demo, anvil --load-state, --hardfork london "
    "--chain-id 4242) by capture-demo-evidence-v2.py: blocks %d-%d (header only, except the blocks of the three events, "
    "which have full transactions and eth_getBlockReceipts), clinic 0's ClinicAdmitted, first AuditCheckpoint with a "
    "non-empty tree and first KeyDestroyed signed by its registered key; the registry's eth_getProof of that clinic's "
    "kmsAttestationKey slot (keccak(clinicId . 0) + 1) at the KeyDestroyed block; the receipt and signature of "
    "consortium/fixtures/demo/kms-receipts.json; access-log entry %d of bundles/clinic-0.zip with its RFC 9162 "
    "inclusion path in the checkpoint's tree of %d entries." % (first, last, m, size),
  "checkpoint": {"number": hex(first), "hash": blocks[0]["block"]["hash"]},
  "blocks": blocks,
  "events": [event(adm), event(cp), event(dest)],
  "stateProofs": [{"block": dest["blockNumber"], "address": registry, "storageKeys": [slot], "proof": proof}],
  "merkleProofs": [{"type": "inclusion", "index": hex(m), "size": hex(size), "leaf": "0x" + entries[m].hex(),
                    "leafHash": "0x" + leaves[m].hex(), "proof": ["0x" + h.hex() for h in path(m, leaves)],
                    "root": "0x" + root.hex()}],
  "kmsReceipt": {"receipt": "0x" + rec["receipt"].encode().hex(), "signature": rec["signature"]},
}
json.dump(out, open(OUT, "w"), indent=1)
print("blocks", first, last, "events", ev_blocks, "size", size, "bytes", len(json.dumps(out)))
