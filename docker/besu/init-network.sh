#!/bin/sh
# Generates a 4-validator QBFT network once (genesis + node keys) into /network, then lays the keys out as
# /network/validatorN/key and writes the first validator's enode as /network/bootnodes.
set -eu
if [ -f /network/genesis.json ]; then
  echo "network already generated"; exit 0
fi
besu operator generate-blockchain-config --config-file=/config/qbft-config.json --to=/tmp/gen \
  --private-key-file-name=key
cp /tmp/gen/genesis.json /network/genesis.json
n=1
for dir in /tmp/gen/keys/*; do
  mkdir -p "/network/validator$n"
  cp "$dir/key" "$dir/key.pub" "/network/validator$n/"
  if [ "$n" = 1 ]; then
    pub="$(sed 's/^0x//' "$dir/key.pub")"
    echo "enode://$pub@validator1:30303" > /network/bootnodes
  fi
  n=$((n + 1))
done
echo "generated $((n - 1)) validators"
