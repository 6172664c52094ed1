#!/usr/bin/env bash
# Daily tartarus backup for cron: create, verify, keep 7 days (and always the newest 7 and the
# newest backup that verifies). Exits non-zero — so cron mails you — when any step fails.
#
#   # /etc/cron.d/tartarus-backup
#   30 3 * * * tartarus /usr/local/bin/backup-cron.sh >> /var/log/tartarus-backup.log 2>&1
#
# Settings come from the environment, or from /etc/default/tartarus-backup when present
# (TARTARUS_BACKUP_DEFAULTS to use another file; its variables are exported to tartarus):
#   REDIS_ADDR            Redis to back up (host:port or redis://…)      required
#   REDIS_PASSWORD        its password, if any (never put it in the crontab line)
#   TARTARUS_BACKUP_DIR   where the dated backup folders go              default /var/backups/tartarus
#   BACKUP_METHOD         auto | file | replication | logical            default auto
#   KEEP_DAYS, KEEP_LAST  retention                                      default 7 and 7
set -euo pipefail

# `set -a` exports what the file sets (REDIS_PASSWORD, REDIS_DB, ...), so tartarus sees it.
defaults="${TARTARUS_BACKUP_DEFAULTS:-/etc/default/tartarus-backup}"
if [ -r "$defaults" ]; then
  set -a
  . "$defaults"
  set +a
fi

: "${REDIS_ADDR:?set REDIS_ADDR to the Redis to back up}"
export REDIS_ADDR
export TARTARUS_BACKUP_DIR="${TARTARUS_BACKUP_DIR:-/var/backups/tartarus}"
method="${BACKUP_METHOD:-auto}"
keep_days="${KEEP_DAYS:-7}"
keep_last="${KEEP_LAST:-7}"
tartarus="${TARTARUS:-tartarus}"

umask 077
mkdir -p "$TARTARUS_BACKUP_DIR"

# Only one run at a time (a slow backup must not overlap the next day's). The lock lives inside
# the backup directory, which this user can write (/var/backups itself usually is root's); as a
# dot-file, list and prune ignore it.
exec 9>"${TARTARUS_BACKUP_DIR%/}/.backup-cron.lock"
if ! flock -n 9; then
  echo "$(date -Is) another backup is still running; skipping" >&2
  exit 1
fi

echo "$(date -Is) backup of $REDIS_ADDR into $TARTARUS_BACKUP_DIR (method $method)"
# Create, then verify the new backup (checksums, RDB CRC-64, AOF manifest, redis-check-rdb/-aof):
# exit 31 when the verification fails, and the script stops here without pruning anything.
"$tartarus" -q backup create --method "$method" --verify

# Retention. Prune never deletes the newest backup that verifies; it also removes the .tmp-*
# folders that killed backups left behind, once they are an hour old.
"$tartarus" -q backup prune --keep-days "$keep_days" --keep-last "$keep_last" --yes
echo "$(date -Is) done"
