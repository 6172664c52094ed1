#!/usr/bin/env bash
# Regenerates the committed shell completions and man pages from the clap definitions.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
bin=target/debug/tartarus
mkdir -p completions man
rm -f man/*.1
$bin completions bash > completions/tartarus.bash
$bin completions zsh > completions/_tartarus
$bin completions fish > completions/tartarus.fish
$bin completions powershell > completions/_tartarus.ps1
$bin completions elvish > completions/tartarus.elv
$bin man --dir man
