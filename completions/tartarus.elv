
use builtin;
use str;

set edit:completion:arg-completer[tartarus] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'tartarus'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'tartarus'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sandbox 'Submit, list, inspect, wait for and cancel sandbox runs (Hades)'
            cand queue 'Inspect and repair the Acheron queue'
            cand node 'The node registry: heartbeats, labels, drain, remove'
            cand policy 'Themis admission policies: apply, list, test, history, rollback'
            cand scheduler 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)'
            cand agent 'A node agent that runs the sandboxes scheduled to its node'
            cand up 'Everything in one process: local agents, a scheduler, optional policies and a sandbox file; with --until-idle, runs the file to the end and prints a summary'
            cand top 'A live view: queue depth per state, runs per second, schedulers, nodes, latest events (JSON lines when stdout is not a terminal)'
            cand config 'Show the effective configuration'
            cand redis 'Redis persistence: health checks (monitoring exit codes) and the recommended settings'
            cand backup 'Backups: create, list, verify, prune, restore'
            cand verify 'End-to-end checks for CI (`verify persistence`)'
            cand bench 'Measure throughput against the configured store (`bench backup`: backup and restore speed)'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish)'
            cand man 'Write man pages for every command into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;sandbox'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand submit 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
            cand list 'List runs, oldest first, with filters and paging'
            cand get 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events'
            cand wait 'Wait until runs finish; the exit code is that of the worst run'
            cand logs 'Print a run''s output: the full log when it is readable here, else the stored tail'
            cand watch 'Stream run and policy events as they happen (`-o json`: one JSON object per line)'
            cand cancel 'Cancel runs in any unfinished state (frees their node capacity)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;sandbox;submit'= {
            cand -f 'YAML file with one or more sandbox documents (`-` reads stdin)'
            cand --file 'YAML file with one or more sandbox documents (`-` reads stdin)'
            cand --name 'Name of the sandbox (flags mode)'
            cand --image 'Image to run (flags mode; the command follows `--`)'
            cand --cpu 'CPU: cores (`2`, `0.5`) or millicores (`500m`)'
            cand --memory 'Memory: `512Mi`, `2Gi`'
            cand --gpu 'GPUs'
            cand --timeout 'The sandbox''s own timeout: `30s`, `5m`, `1h` (the wait''s is --wait-timeout)'
            cand --heat 'Heat class; classified from resources and timeout when not given'
            cand --priority 'Priority 0–1000; higher runs first'
            cand --label 'Label key=value (repeatable)'
            cand --env 'Environment variable K=V (repeatable)'
            cand --wait-timeout 'With --wait: give up after this long (exit 15)'
            cand --pending-timeout 'With --wait: fail (exit 17) when a run stays pending this long with no node that could ever take it; 0 waits for ever'
            cand --command 'Removed: the command now follows `--` (using it prints how)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --quarantine 'Ask for quarantine: the run goes only to Typhon nodes'
            cand --network 'Allow network access inside the sandbox'
            cand --wait 'Wait for the runs to finish (as `sandbox wait`); the exit code is that of the worst run'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;list'= {
            cand --state 'Only runs in this state (spelled as the output spells it)'
            cand --heat 'Only runs of this heat'
            cand --label 'Only runs with this label (k=v)'
            cand --node 'Only runs placed on this node'
            cand --limit 'Most runs on this page; the next page''s cursor is `next` (JSON) or printed on stderr'
            cand --cursor 'Start after this cursor (the `next` of the previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --all 'Every page (ignores --limit)'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;wait'= {
            cand --timeout 'Give up after this long (exit 15); no default, a run may last days'
            cand --pending-timeout 'Fail (exit 17) when a run stays pending this long with no node that could ever take it; 0 waits for ever'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;logs'= {
            cand --pending-timeout 'With --follow: how long the run may stay pending with no node that could ever take it; 0 waits for ever'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -f 'Keep printing until the run ends (failing fast as `sandbox wait` does: exit 16 without a live scheduler, 17 when the run stays pending with no node that could take it)'
            cand --follow 'Keep printing until the run ends (failing fast as `sandbox wait` does: exit 16 without a live scheduler, 17 when the run stays pending with no node that could take it)'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;watch'= {
            cand --run 'Only this run''s events'
            cand --count 'Stop after this many events'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --from-start 'Start from the oldest event kept instead of only new ones'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;cancel'= {
            cand --reason 'Reason recorded on the run'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;sandbox;help'= {
            cand submit 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
            cand list 'List runs, oldest first, with filters and paging'
            cand get 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events'
            cand wait 'Wait until runs finish; the exit code is that of the worst run'
            cand logs 'Print a run''s output: the full log when it is readable here, else the stored tail'
            cand watch 'Stream run and policy events as they happen (`-o json`: one JSON object per line)'
            cand cancel 'Cancel runs in any unfinished state (frees their node capacity)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;sandbox;help;submit'= {
        }
        &'tartarus;sandbox;help;list'= {
        }
        &'tartarus;sandbox;help;get'= {
        }
        &'tartarus;sandbox;help;wait'= {
        }
        &'tartarus;sandbox;help;logs'= {
        }
        &'tartarus;sandbox;help;watch'= {
        }
        &'tartarus;sandbox;help;cancel'= {
        }
        &'tartarus;sandbox;help;help'= {
        }
        &'tartarus;queue'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand stats 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
            cand list 'List the entries of one Acheron list, a page at a time'
            cand peek 'The next runs a scheduler would claim, with their names'
            cand purge 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
            cand retry 'Send dead letters back to the queue (attempts reset)'
            cand pause 'Stop schedulers from claiming (submissions still queue up)'
            cand resume 'Let schedulers claim again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;queue;stats'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;list'= {
            cand --limit 'Most entries on this page'
            cand --cursor 'Start at this cursor (the `next` of the previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;peek'= {
            cand -n 'How many runs'
            cand --count 'How many runs'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;purge'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;retry'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --all 'Every dead letter'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;pause'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;resume'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;queue;help'= {
            cand stats 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
            cand list 'List the entries of one Acheron list, a page at a time'
            cand peek 'The next runs a scheduler would claim, with their names'
            cand purge 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
            cand retry 'Send dead letters back to the queue (attempts reset)'
            cand pause 'Stop schedulers from claiming (submissions still queue up)'
            cand resume 'Let schedulers claim again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;queue;help;stats'= {
        }
        &'tartarus;queue;help;list'= {
        }
        &'tartarus;queue;help;peek'= {
        }
        &'tartarus;queue;help;purge'= {
        }
        &'tartarus;queue;help;retry'= {
        }
        &'tartarus;queue;help;pause'= {
        }
        &'tartarus;queue;help;resume'= {
        }
        &'tartarus;queue;help;help'= {
        }
        &'tartarus;node'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand register 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)'
            cand list 'Every known node: alive or expired, pools, capacity, usage, heartbeat age'
            cand get 'One node with the runs placed on it'
            cand label 'Set labels (k=v) or remove them (k-) on a live node'
            cand drain 'Stop placing new work on a node (`--undo` to resume)'
            cand remove 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;node;register'= {
            cand --labels 'Labels k=v,k=v (defaults to $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")'
            cand --cpu 'CPU capacity: cores or millicores'
            cand --memory 'Memory capacity'
            cand --gpu 'GPUs'
            cand --slots 'Concurrent sandboxes'
            cand --ttl 'How long the heartbeat is valid'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;node;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;node;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;node;label'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;node;drain'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --undo 'Take new work again'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;node;remove'= {
            cand --max-attempts 'Attempts after which one of its runs is dead-lettered instead of requeued'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;node;help'= {
            cand register 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)'
            cand list 'Every known node: alive or expired, pools, capacity, usage, heartbeat age'
            cand get 'One node with the runs placed on it'
            cand label 'Set labels (k=v) or remove them (k-) on a live node'
            cand drain 'Stop placing new work on a node (`--undo` to resume)'
            cand remove 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;node;help;register'= {
        }
        &'tartarus;node;help;list'= {
        }
        &'tartarus;node;help;get'= {
        }
        &'tartarus;node;help;label'= {
        }
        &'tartarus;node;help;drain'= {
        }
        &'tartarus;node;help;remove'= {
        }
        &'tartarus;node;help;help'= {
        }
        &'tartarus;policy'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand apply 'Validate and store policies from a YAML file (one bad document applies nothing)'
            cand list 'Stored policies with their mode and rule count'
            cand get 'One stored policy as YAML/JSON'
            cand delete 'Delete policies (one version bump)'
            cand history 'Changes, newest first: version, time, who, what'
            cand rollback 'Restore the policy set as it stood after version N (recorded as a new version)'
            cand test 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;policy;apply'= {
            cand -f 'Policy file, one or more documents (`-` reads stdin)'
            cand --file 'Policy file, one or more documents (`-` reads stdin)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;delete'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;history'= {
            cand --limit 'Most changes to show'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;rollback'= {
            cand --to-version 'The version whose policy set comes back (see `policy history`)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;test'= {
            cand -f 'Sandbox file to judge (`-` reads stdin)'
            cand --file 'Sandbox file to judge (`-` reads stdin)'
            cand --policies 'Judge against this policy file instead of the stored set (no Redis needed)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;policy;help'= {
            cand apply 'Validate and store policies from a YAML file (one bad document applies nothing)'
            cand list 'Stored policies with their mode and rule count'
            cand get 'One stored policy as YAML/JSON'
            cand delete 'Delete policies (one version bump)'
            cand history 'Changes, newest first: version, time, who, what'
            cand rollback 'Restore the policy set as it stood after version N (recorded as a new version)'
            cand test 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;policy;help;apply'= {
        }
        &'tartarus;policy;help;list'= {
        }
        &'tartarus;policy;help;get'= {
        }
        &'tartarus;policy;help;delete'= {
        }
        &'tartarus;policy;help;history'= {
        }
        &'tartarus;policy;help;rollback'= {
        }
        &'tartarus;policy;help;test'= {
        }
        &'tartarus;policy;help;help'= {
        }
        &'tartarus;scheduler'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand run 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;scheduler;run'= {
            cand --batch 'Runs claimed per batch'
            cand --lease 'Lease on claimed runs (a crashed scheduler''s runs return after it)'
            cand --max-attempts 'Placements before a run whose node keeps dying is dead-lettered'
            cand --metrics-addr 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --once 'Drain the queue once and exit (for scripts)'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;scheduler;help'= {
            cand run 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;scheduler;help;run'= {
        }
        &'tartarus;scheduler;help;help'= {
        }
        &'tartarus;agent'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand run 'Run an agent for one node until SIGINT/SIGTERM (then drain)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;agent;run'= {
            cand --name 'Node name'
            cand --labels 'Labels k=v,k=v (default: $HADES_LABEL, e.g. HADES_LABEL="tartarus.io/typhon=true")'
            cand --cpu 'CPU capacity (cores or millicores)'
            cand --memory 'Memory capacity'
            cand --gpu 'GPU capacity'
            cand --slots 'Concurrent sandboxes'
            cand --runtime 'How sandboxes are isolated'
            cand --ttl 'Heartbeat validity (renewed every third of it); a dead agent''s runs are recovered after it'
            cand --poll 'How often to look for new work and cancellations'
            cand --drain-deadline 'On SIGTERM, how long running sandboxes may finish before they are handed back'
            cand --max-attempts 'Attempts after which a handed-back run is dead-lettered'
            cand --work-dir 'Folder for the sandboxes'' private working folders (default: <tmp>/tartarus-agent/<name>/work)'
            cand --log-dir 'Folder for the capped full logs, <run>.log (default: <tmp>/tartarus-agent/<name>/logs)'
            cand --metrics-addr 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;agent;help'= {
            cand run 'Run an agent for one node until SIGINT/SIGTERM (then drain)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;agent;help;run'= {
        }
        &'tartarus;agent;help;help'= {
        }
        &'tartarus;up'= {
            cand --nodes 'Local agents to run, as a YAML list (name, labels, cpu, memory, gpu, slots); default: one standard, one phlegethon and one typhon node (see examples/nodes.yaml)'
            cand --agent 'Add a local agent: NAME or NAME:k=v,k=v (repeatable; 4 cpu, 8Gi, 8 slots)'
            cand --runtime 'Isolation for the local agents'' sandboxes'
            cand --policies 'Themis policies to apply first (YAML)'
            cand --submit 'Sandbox file to submit'
            cand --batch 'Runs claimed per batch'
            cand --lease 'Lease on claimed runs (a crashed scheduler''s runs return after it)'
            cand --max-attempts 'Placements before a run whose node keeps dying is dead-lettered'
            cand --metrics-addr 'Serve Prometheus metrics at http://HOST:PORT/metrics, with /healthz (alive) and /readyz (Redis answers, policies loaded, node registered) probes; off by default'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --no-agents 'Register the nodes but run no agents: runs are only admitted and placed'
            cand --until-idle 'Exit when nothing is left to do (every run finished, or waiting for a node that will not come), printing a summary of every submitted run'
            cand --exit-code 'With --until-idle: exit 0 only when every submitted run succeeded, else with the `sandbox wait` code of the worst run (the highest: 17 left pending, 15 unfinished, 14 dead, 13 denied/rejected, 12 cancelled, 11 timed out, 10 failed). Without it, `up` exits 0 whatever happened to the runs'
            cand --once 'Drain the queue once and exit (for scripts)'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;top'= {
            cand --interval 'Time between refreshes (at least 100ms)'
            cand --count 'Stop after N snapshots (default: until q, Ctrl-C or SIGTERM)'
            cand --events 'How many of the latest events to show'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;config'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand show 'Print every setting, its value and its source (flag, env, url, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;config;show'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;config;help'= {
            cand show 'Print every setting, its value and its source (flag, env, url, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;config;help;show'= {
        }
        &'tartarus;config;help;help'= {
        }
        &'tartarus;redis'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand health 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, replication, loading), each OK / WARNING / CRITICAL with what it means and how to fix it'
            cand configure 'Compare the live settings with the recommended persistence profile; `--apply` sets them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;redis;health'= {
            cand --max-save-age 'Warn when the last successful RDB save is older than this while there are unsaved changes (a bad value exits 3, UNKNOWN, like every other problem that stops the check)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;redis;configure'= {
            cand --profile 'Which profile to compare with'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --apply 'Apply the differences (CONFIG SET + CONFIG REWRITE) after confirmation'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;redis;help'= {
            cand health 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, replication, loading), each OK / WARNING / CRITICAL with what it means and how to fix it'
            cand configure 'Compare the live settings with the recommended persistence profile; `--apply` sets them'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;redis;help;health'= {
        }
        &'tartarus;redis;help;configure'= {
        }
        &'tartarus;redis;help;help'= {
        }
        &'tartarus;backup'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand create 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)'
            cand list 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)'
            cand verify 'Check a backup: manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed'
            cand prune 'Delete backups older than --keep-days that are not among the newest --keep-last'
            cand restore 'Restore a backup: offline into a stopped server''s data dir, or online (logical backups)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;backup;create'= {
            cand --dir 'The backup directory (one dated folder per backup inside it)'
            cand --method 'How to take the backup'
            cand --pattern 'Key patterns of a logical backup (repeatable; default tartarus:*, themis:* and the queue key)'
            cand --bgsave-timeout 'How long the BGSAVE may take'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --verify 'Verify the new backup right away (exit 31 when it fails)'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;backup;list'= {
            cand --dir 'The backup directory (one dated folder per backup inside it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;backup;verify'= {
            cand --dir 'The backup directory (one dated folder per backup inside it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;backup;prune'= {
            cand --dir 'The backup directory (one dated folder per backup inside it)'
            cand --keep-days 'Keep every backup younger than this many days (0: age keeps nothing)'
            cand --keep-last 'Keep the newest N backups whatever their age'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --dry-run 'Only show what would be deleted (backups and stale temporary folders)'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;backup;restore'= {
            cand --dir 'The backup directory (one dated folder per backup inside it)'
            cand --data-dir 'Offline: the stopped server''s data directory (its `dir`)'
            cand --appendonly 'Offline: whether the server will start with appendonly yes or no'
            cand --redis-conf 'Offline: read appendonly, appenddirname, appendfilename and dbfilename from this redis.conf'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --force 'Offline: restore even though a server answers at the configured address'
            cand --online 'Load a logical backup into the running server (RESTORE … REPLACE)'
            cand --flush 'Online: first delete the keys matching the backup''s patterns'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;backup;help'= {
            cand create 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)'
            cand list 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)'
            cand verify 'Check a backup: manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed'
            cand prune 'Delete backups older than --keep-days that are not among the newest --keep-last'
            cand restore 'Restore a backup: offline into a stopped server''s data dir, or online (logical backups)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;backup;help;create'= {
        }
        &'tartarus;backup;help;list'= {
        }
        &'tartarus;backup;help;verify'= {
        }
        &'tartarus;backup;help;prune'= {
        }
        &'tartarus;backup;help;restore'= {
        }
        &'tartarus;backup;help;help'= {
        }
        &'tartarus;verify'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand persistence 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;verify;persistence'= {
            cand --restart-cmd 'Shell command that restarts Redis (run with `sh -c`; its output goes to stderr)'
            cand --wait 'How long to wait for Redis to answer and finish loading after the restart'
            cand --restart-timeout 'How long the restart command may run before it is killed'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;verify;help'= {
            cand persistence 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;verify;help;persistence'= {
        }
        &'tartarus;verify;help;help'= {
        }
        &'tartarus;bench'= {
            cand --runs 'Runs to submit'
            cand --claim-batch 'Runs per claim'
            cand --e2e-runs 'Runs for the end-to-end figure (submit → admitted → scheduled, one scheduler, 16 nodes, 10 policies)'
            cand --e2e-batch 'Scheduler batch size for the end-to-end figure'
            cand --latency-secs 'Seconds of steady 1,000 runs/s for the latency figure (0 skips it)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --no-raw 'Skip running redis-benchmark for the raw server rate'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand backup 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;bench;backup'= {
            cand --populate 'Keys to add with DEBUG POPULATE (300-byte values) for the RDB figure, under tartarus-bench:rdb (0: use the data already there). Needs `enable-debug-command local` on the server; with `rdbcompression no` the default makes an RDB of about 1.1 GB'
            cand --logical-keys 'Keys for the logical restore figure (DEBUG POPULATE under tartarus-bench:lg; 0 skips it)'
            cand --rounds 'Rounds of each measurement (the median is reported)'
            cand --dir 'Scratch folder for the backups and redis-cli''s files (default: a new folder in the temp dir)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;bench;help'= {
            cand backup 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;bench;help;backup'= {
        }
        &'tartarus;bench;help;help'= {
        }
        &'tartarus;completions'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;man'= {
            cand --dir 'Folder to write `tartarus*.1` into'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --log-format 'Log lines on stderr: text, or one JSON object per line (for log collectors)'
            cand --environment 'Deployment environment [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand -y 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand --yes 'Answer yes to confirmations of destructive steps (required without a terminal)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'More log output (-v info, -vv debug)'
            cand --verbose 'More log output (-v info, -vv debug)'
            cand --tls 'Use TLS to reach Redis (implied by rediss:// addresses) [env: REDIS_TLS=1]'
            cand --in-memory 'Use the in-memory store (development only; state is lost on exit)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'tartarus;help'= {
            cand sandbox 'Submit, list, inspect, wait for and cancel sandbox runs (Hades)'
            cand queue 'Inspect and repair the Acheron queue'
            cand node 'The node registry: heartbeats, labels, drain, remove'
            cand policy 'Themis admission policies: apply, list, test, history, rollback'
            cand scheduler 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)'
            cand agent 'A node agent that runs the sandboxes scheduled to its node'
            cand up 'Everything in one process: local agents, a scheduler, optional policies and a sandbox file; with --until-idle, runs the file to the end and prints a summary'
            cand top 'A live view: queue depth per state, runs per second, schedulers, nodes, latest events (JSON lines when stdout is not a terminal)'
            cand config 'Show the effective configuration'
            cand redis 'Redis persistence: health checks (monitoring exit codes) and the recommended settings'
            cand backup 'Backups: create, list, verify, prune, restore'
            cand verify 'End-to-end checks for CI (`verify persistence`)'
            cand bench 'Measure throughput against the configured store (`bench backup`: backup and restore speed)'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish)'
            cand man 'Write man pages for every command into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;help;sandbox'= {
            cand submit 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
            cand list 'List runs, oldest first, with filters and paging'
            cand get 'Show one run: its document (resubmittable with -o yaml), verdict, placement, outcome and recent events'
            cand wait 'Wait until runs finish; the exit code is that of the worst run'
            cand logs 'Print a run''s output: the full log when it is readable here, else the stored tail'
            cand watch 'Stream run and policy events as they happen (`-o json`: one JSON object per line)'
            cand cancel 'Cancel runs in any unfinished state (frees their node capacity)'
        }
        &'tartarus;help;sandbox;submit'= {
        }
        &'tartarus;help;sandbox;list'= {
        }
        &'tartarus;help;sandbox;get'= {
        }
        &'tartarus;help;sandbox;wait'= {
        }
        &'tartarus;help;sandbox;logs'= {
        }
        &'tartarus;help;sandbox;watch'= {
        }
        &'tartarus;help;sandbox;cancel'= {
        }
        &'tartarus;help;queue'= {
            cand stats 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
            cand list 'List the entries of one Acheron list, a page at a time'
            cand peek 'The next runs a scheduler would claim, with their names'
            cand purge 'Empty a list: queued, leased and pending runs are cancelled; dead letters are deleted with their data'
            cand retry 'Send dead letters back to the queue (attempts reset)'
            cand pause 'Stop schedulers from claiming (submissions still queue up)'
            cand resume 'Let schedulers claim again'
        }
        &'tartarus;help;queue;stats'= {
        }
        &'tartarus;help;queue;list'= {
        }
        &'tartarus;help;queue;peek'= {
        }
        &'tartarus;help;queue;purge'= {
        }
        &'tartarus;help;queue;retry'= {
        }
        &'tartarus;help;queue;pause'= {
        }
        &'tartarus;help;queue;resume'= {
        }
        &'tartarus;help;node'= {
            cand register 'Send one heartbeat for a node (for scripts; agents heartbeat on their own)'
            cand list 'Every known node: alive or expired, pools, capacity, usage, heartbeat age'
            cand get 'One node with the runs placed on it'
            cand label 'Set labels (k=v) or remove them (k-) on a live node'
            cand drain 'Stop placing new work on a node (`--undo` to resume)'
            cand remove 'Forget a node; its runs are requeued (or dead-lettered after too many attempts)'
        }
        &'tartarus;help;node;register'= {
        }
        &'tartarus;help;node;list'= {
        }
        &'tartarus;help;node;get'= {
        }
        &'tartarus;help;node;label'= {
        }
        &'tartarus;help;node;drain'= {
        }
        &'tartarus;help;node;remove'= {
        }
        &'tartarus;help;policy'= {
            cand apply 'Validate and store policies from a YAML file (one bad document applies nothing)'
            cand list 'Stored policies with their mode and rule count'
            cand get 'One stored policy as YAML/JSON'
            cand delete 'Delete policies (one version bump)'
            cand history 'Changes, newest first: version, time, who, what'
            cand rollback 'Restore the policy set as it stood after version N (recorded as a new version)'
            cand test 'Judge a sandbox file against the stored policies (or --policies FILE, offline) and explain the verdict; exits 0 allow, 20 deny, 21 quarantine'
        }
        &'tartarus;help;policy;apply'= {
        }
        &'tartarus;help;policy;list'= {
        }
        &'tartarus;help;policy;get'= {
        }
        &'tartarus;help;policy;delete'= {
        }
        &'tartarus;help;policy;history'= {
        }
        &'tartarus;help;policy;rollback'= {
        }
        &'tartarus;help;policy;test'= {
        }
        &'tartarus;help;scheduler'= {
            cand run 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
        }
        &'tartarus;help;scheduler;run'= {
        }
        &'tartarus;help;agent'= {
            cand run 'Run an agent for one node until SIGINT/SIGTERM (then drain)'
        }
        &'tartarus;help;agent;run'= {
        }
        &'tartarus;help;up'= {
        }
        &'tartarus;help;top'= {
        }
        &'tartarus;help;config'= {
            cand show 'Print every setting, its value and its source (flag, env, url, default); the password is redacted, and a setting that is not set is null (JSON) or `-` (table)'
        }
        &'tartarus;help;config;show'= {
        }
        &'tartarus;help;redis'= {
            cand health 'Persistence health: one row per check (AOF, RDB saves, save rules, eviction policy, memory, replication, loading), each OK / WARNING / CRITICAL with what it means and how to fix it'
            cand configure 'Compare the live settings with the recommended persistence profile; `--apply` sets them'
        }
        &'tartarus;help;redis;health'= {
        }
        &'tartarus;help;redis;configure'= {
        }
        &'tartarus;help;backup'= {
            cand create 'Take a backup into a new dated folder (manifest.json with sizes, SHA-256, versions, key counts)'
            cand list 'The backups in the directory, oldest first, with a quick status (sizes only; see verify)'
            cand verify 'Check a backup: manifest, size and SHA-256 of every file, RDB magic/version/CRC-64, AOF manifest, the RESTORE file of logical backups, and redis-check-rdb/-aof when installed'
            cand prune 'Delete backups older than --keep-days that are not among the newest --keep-last'
            cand restore 'Restore a backup: offline into a stopped server''s data dir, or online (logical backups)'
        }
        &'tartarus;help;backup;create'= {
        }
        &'tartarus;help;backup;list'= {
        }
        &'tartarus;help;backup;verify'= {
        }
        &'tartarus;help;backup;prune'= {
        }
        &'tartarus;help;backup;restore'= {
        }
        &'tartarus;help;verify'= {
            cand persistence 'Prove that Redis keeps what tartarus writes: write a canary, restart, read it back'
        }
        &'tartarus;help;verify;persistence'= {
        }
        &'tartarus;help;bench'= {
            cand backup 'Backup and restore speed against redis-cli (--rdb and --pipe) on the same server'
        }
        &'tartarus;help;bench;backup'= {
        }
        &'tartarus;help;completions'= {
        }
        &'tartarus;help;man'= {
        }
        &'tartarus;help;help'= {
        }
    ]
    $completions[$command]
}
