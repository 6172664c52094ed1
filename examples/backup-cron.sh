#!/usr/bin/env bash
# Daily tartarus backup for cron: create, verify, copy off the machine, keep 7 days (and always the
# newest 7 and the newest backup that verifies), and record every outcome for node_exporter's
# textfile collector. Exits non-zero — so cron mails you — when any step fails.
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
#   BACKUP_COPY_TO        off-machine copy: a folder (NFS/EFS mount) or s3://bucket/prefix
#                         (AWS_* variables or ~/.aws for credentials)   default: no copy
#   REMOTE_KEEP_DAYS, REMOTE_KEEP_LAST   retention there                 default 30 and 30
#   TEXTFILE              node_exporter textfile to write (every step writes it, on success and
#                         on failure)       default /var/lib/node_exporter/textfile/tartarus.prom
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
# tartarus reads these two itself: one textfile for every step, and where copies go.
export TARTARUS_TEXTFILE="${TEXTFILE:-/var/lib/node_exporter/textfile/tartarus.prom}"
if [ -n "${BACKUP_COPY_TO:-}" ]; then
  export TARTARUS_BACKUP_COPY_TO="$BACKUP_COPY_TO"
fi

umask 077
mkdir -p "$TARTARUS_BACKUP_DIR"
# node_exporter (another user) reads the textfile: tartarus writes it 0644 whatever the umask.
mkdir -p "$(dirname "$TARTARUS_TEXTFILE")"

# Only one run at a time (a slow backup must not overlap the next day's). The lock lives inside
# the backup directory, which this user can write (/var/backups itself usually is root's); as a
# dot-file, list and prune ignore it.
exec 9>"${TARTARUS_BACKUP_DIR%/}/.backup-cron.lock"
if ! flock -n 9; then
  echo "$(date -Is) another backup is still running; skipping" >&2
  exit 1
fi

echo "$(date -Is) backup of $REDIS_ADDR into $TARTARUS_BACKUP_DIR (method $method)" \
  "${TARTARUS_BACKUP_COPY_TO:+, copied to $TARTARUS_BACKUP_COPY_TO}"
# Create, verify the new backup (checksums, RDB CRC-64, AOF manifest, redis-check-rdb/-aof) and,
# with TARTARUS_BACKUP_COPY_TO, copy it off the machine and read the copy back. It writes
# $TARTARUS_TEXTFILE either way (tartarus_backup_last_create_success, ..._last_copy_success,
# ..._last_verify_success). Exit 31 when the verification fails, and the script stops here
# without pruning anything.
"$tartarus" -q backup create --method "$method" --verify

# Retention. Prune never deletes the newest backup that verifies; it also removes the .tmp-*
# folders that killed backups left behind, once they are an hour old.
"$tartarus" -q backup prune --keep-days "$keep_days" --keep-last "$keep_last" --yes
if [ -n "${TARTARUS_BACKUP_COPY_TO:-}" ]; then
  "$tartarus" -q backup prune --dir "$TARTARUS_BACKUP_COPY_TO" \
    --keep-days "${REMOTE_KEEP_DAYS:-30}" --keep-last "${REMOTE_KEEP_LAST:-30}" --yes
fi

# The figures after retention (newest backups here and there, Redis persistence status, queue
# depth); --remote comes from TARTARUS_BACKUP_COPY_TO.
"$tartarus" -q metrics
echo "$(date -Is) done"
