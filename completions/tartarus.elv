
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
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand sandbox 'Submit, list, inspect and cancel sandbox runs (Hades)'
            cand queue 'Inspect and repair the Acheron queue'
            cand node 'The node registry: heartbeats, labels, drain, remove'
            cand policy 'Themis admission policies: apply, list, test, history, rollback'
            cand scheduler 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)'
            cand up 'Register nodes, submit a file and schedule it in one process; prints where each run went'
            cand config 'Show the effective configuration'
            cand bench 'Measure throughput against the configured store'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish)'
            cand man 'Write man pages for every command into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;sandbox'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand submit 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
            cand list 'List runs, oldest first, with filters and paging'
            cand get 'Show one run: spec, verdict, placement, outcome and its recent events'
            cand cancel 'Cancel runs in any unfinished state (frees their node capacity)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;sandbox;submit'= {
            cand -f 'YAML file with one or more sandbox documents (`-` reads stdin)'
            cand --file 'YAML file with one or more sandbox documents (`-` reads stdin)'
            cand --name 'Name of the sandbox (flags mode)'
            cand --image 'Image to run'
            cand --command 'Command and arguments, after `--command` or as the trailing arguments after `--`'
            cand --cpu 'CPU: cores (`2`, `0.5`) or millicores (`500m`)'
            cand --memory 'Memory: `512Mi`, `2Gi`'
            cand --gpu 'GPUs'
            cand --timeout 'Timeout: `30s`, `5m`, `1h`'
            cand --heat 'Heat class; classified from resources and timeout when not given'
            cand --priority 'Priority 0–1000; higher runs first'
            cand --label 'Label key=value (repeatable)'
            cand --env 'Environment variable K=V (repeatable)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --quarantine 'Ask for quarantine: the run goes only to Typhon nodes'
            cand --network 'Allow network access inside the sandbox'
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
        }
        &'tartarus;sandbox;list'= {
            cand --state 'Only runs in this state'
            cand --heat 'Only runs of this heat'
            cand --label 'Only runs with this label (k=v)'
            cand --node 'Only runs placed on this node'
            cand --limit 'Most runs to print'
            cand --after 'Continue after this run id (the `next` cursor of a previous page)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --all 'Page through everything (ignores --limit)'
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
        }
        &'tartarus;sandbox;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;sandbox;cancel'= {
            cand --reason 'Reason recorded on the run'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;sandbox;help'= {
            cand submit 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
            cand list 'List runs, oldest first, with filters and paging'
            cand get 'Show one run: spec, verdict, placement, outcome and its recent events'
            cand cancel 'Cancel runs in any unfinished state (frees their node capacity)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;sandbox;help;submit'= {
        }
        &'tartarus;sandbox;help;list'= {
        }
        &'tartarus;sandbox;help;get'= {
        }
        &'tartarus;sandbox;help;cancel'= {
        }
        &'tartarus;sandbox;help;help'= {
        }
        &'tartarus;queue'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand stats 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
            cand list 'List the entries of one Acheron list'
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
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;queue;list'= {
            cand --limit 'limit'
            cand --offset 'offset'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;queue;peek'= {
            cand -n 'n'
            cand --count 'count'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;queue;purge'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;queue;retry'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tartarus;queue;pause'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;queue;resume'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;queue;help'= {
            cand stats 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
            cand list 'List the entries of one Acheron list'
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
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand --cpu 'cpu'
            cand --memory 'memory'
            cand --gpu 'gpu'
            cand --slots 'Concurrent sandboxes'
            cand --ttl 'How long the heartbeat is valid'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;node;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;node;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;node;label'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;node;drain'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --undo 'undo'
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
        }
        &'tartarus;node;remove'= {
            cand --max-attempts 'max-attempts'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand -f 'f'
            cand --file 'file'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;policy;list'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;policy;get'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;policy;delete'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;policy;history'= {
            cand --limit 'limit'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;policy;rollback'= {
            cand --to-version 'to-version'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;policy;test'= {
            cand -f 'f'
            cand --file 'file'
            cand --policies 'Judge against this policy file instead of the stored set (no Redis needed)'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand run 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;scheduler;run'= {
            cand --batch 'Runs claimed per batch'
            cand --lease 'Lease on claimed runs (a crashed scheduler''s runs return after it)'
            cand --max-attempts 'Placements before a run whose node keeps dying is dead-lettered'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tartarus;scheduler;help'= {
            cand run 'Run the scheduler loop until SIGINT/SIGTERM (or, with --once, until the queue is empty)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;scheduler;help;run'= {
        }
        &'tartarus;scheduler;help;help'= {
        }
        &'tartarus;up'= {
            cand --nodes 'Nodes to register (YAML list: name, labels, cpu, memory, gpu, slots)'
            cand --policies 'Themis policies to apply first (YAML)'
            cand --submit 'Sandbox file to submit'
            cand --batch 'Runs claimed per batch'
            cand --lease 'Lease on claimed runs (a crashed scheduler''s runs return after it)'
            cand --max-attempts 'Placements before a run whose node keeps dying is dead-lettered'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
            cand --redis-addr 'Redis address: host:port, redis://[user:pass@]host:port/db or rediss://… ; "" = in-memory [env: REDIS_ADDR]'
            cand --redis-db 'Redis database number [env: REDIS_DB]'
            cand --queue-key 'Key of the Acheron queue (its leases, pending and dead sets hang off it) [env: REDIS_QUEUE_KEY]'
            cand --redis-username 'ACL user name [env: REDIS_USERNAME]'
            cand --redis-password-file 'Read the Redis password from this file (a flag never takes the password itself, so it stays out of process listings) [env: REDIS_PASSWORD or REDIS_PASS]'
            cand --redis-timeout 'How long each Redis command may take (named so to leave `--timeout` to the commands whose own timeouts it sets, like `sandbox submit --timeout`)'
            cand --redis-connect-timeout 'How long connecting to Redis may take'
            cand --until-idle 'Exit when every submitted run has been decided, printing where each went'
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
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tartarus;config'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand show 'Print every setting, its value and its source (flag, env, url, default); the password is redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;config;show'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;config;help'= {
            cand show 'Print every setting, its value and its source (flag, env, url, default); the password is redacted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;config;help;show'= {
        }
        &'tartarus;config;help;help'= {
        }
        &'tartarus;bench'= {
            cand --runs 'Runs to submit'
            cand --claim-batch 'Runs per claim'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'tartarus;completions'= {
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;man'= {
            cand --dir 'Folder to write `tartarus*.1` into'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --environment 'Deployment environment: development or production [env: TARTARUS_ENV]'
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
        }
        &'tartarus;help'= {
            cand sandbox 'Submit, list, inspect and cancel sandbox runs (Hades)'
            cand queue 'Inspect and repair the Acheron queue'
            cand node 'The node registry: heartbeats, labels, drain, remove'
            cand policy 'Themis admission policies: apply, list, test, history, rollback'
            cand scheduler 'The embedded scheduler loop (Rhadamanthus admission, Phlegethon/Typhon routing)'
            cand up 'Register nodes, submit a file and schedule it in one process; prints where each run went'
            cand config 'Show the effective configuration'
            cand bench 'Measure throughput against the configured store'
            cand completions 'Print shell completions (bash, zsh, fish, powershell, elvish)'
            cand man 'Write man pages for every command into a folder'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'tartarus;help;sandbox'= {
            cand submit 'Submit sandboxes from a YAML file (many documents = bulk, pipelined) or from flags'
            cand list 'List runs, oldest first, with filters and paging'
            cand get 'Show one run: spec, verdict, placement, outcome and its recent events'
            cand cancel 'Cancel runs in any unfinished state (frees their node capacity)'
        }
        &'tartarus;help;sandbox;submit'= {
        }
        &'tartarus;help;sandbox;list'= {
        }
        &'tartarus;help;sandbox;get'= {
        }
        &'tartarus;help;sandbox;cancel'= {
        }
        &'tartarus;help;queue'= {
            cand stats 'Depth, in-flight, pending and dead counts, pause state and runs per state (all O(1))'
            cand list 'List the entries of one Acheron list'
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
        &'tartarus;help;up'= {
        }
        &'tartarus;help;config'= {
            cand show 'Print every setting, its value and its source (flag, env, url, default); the password is redacted'
        }
        &'tartarus;help;config;show'= {
        }
        &'tartarus;help;bench'= {
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
