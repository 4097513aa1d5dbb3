# Functions of deploy/bench/programme-day/run (sourced): samples of the load average and of the memory of every process
# of the suite (the pids deploy/run records in .devstack/pids), and the outbox / inbox table sizes.

# sample_all FILE LABEL: one line per process, "epoch label load1 name KiB [heapKiB oldUsedKiB]". JVMs: VmRSS, and from
# jstat (hsperfdata: no attach, no safepoint) the heap committed (survivors + eden + old) and the old generation's use;
# PostgreSQL: the PSS of the postmaster and all its backends (their RSS would count the shared buffers once per process).
sample_all() {
  local file="$1" label="$2" now load name pid kib child heap
  now=$(date +%s); load=$(cut -d' ' -f1 /proc/loadavg)
  [[ -f "$ROOT/.devstack/pids" ]] || { echo "$now $label $load - 0" >> "$file"; return; }
  while read -r name pid; do
    [[ "$name" == reaper* || -z "$pid" || ! -d /proc/$pid ]] && continue
    if [[ "$name" == *postgres* ]]; then
      kib=0
      for child in "$pid" $(pgrep -P "$pid"); do
        kib=$(( kib + $(awk '/^Pss:/ { print $2 }' "/proc/$child/smaps_rollup" 2>/dev/null || echo 0) ))
      done
    else
      kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
      # jstat -gc: S0C S1C S0U S1U EC EU OC OU ... (KiB)
      heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 { printf "%d %d", $1 + $2 + $5 + $7, $8 }')
    fi
    echo "$now $label $load $name ${kib:-0} ${heap:-}" >> "$file"
    heap=""
  done < "$ROOT/.devstack/pids"
}

# report_samples FILE: memory per process at start, each minute and end (MiB), the growth over the last 5 minutes
# (over the whole run when it is shorter), and the load average's range. With a day-end sample (taken when the day
# model ends and the capacity phase starts), the growth that counts is the day model's: over the 5 minutes before it;
# the capacity burst and its catch-up after it are printed beside it.
report_samples() {
  awk '
    # the sample of process n to measure growth from, up to time e: the latest at least 5 minutes before e (the first
    # sample when the run is shorter)
    function base(n, e,    b, key, p) {
      b = first[n]
      for (key in at) { split(key, p, SUBSEP); if (p[1] == n && p[2] <= e - 300 && p[2] > b) b = p[2] }
      return b
    }
    function growth(from, to) { return from > 0 ? 100 * (to - from) / from : 0 }
    { t[NR] = $1; n = $4; if (!(n in first)) { order[++k] = n; first[n] = $1 }
      series[n] = series[n] sprintf(" %d", $5 / 1024); last[n] = $1; lastv[n] = $5; at[n, $1] = $5
      if ($2 == "day-end") { dayend[n] = $1; dayendv[n] = $5 }
      if (NF >= 7) { heaps[n] = heaps[n] sprintf(" %d", $6 / 1024); olds[n] = olds[n] sprintf(" %d", $7 / 1024) }
      loads = loads " " $3; if (min == "" || $3 < min) min = $3; if ($3 > max) max = $3; sum += $3; cnt++ }
    END {
      printf "load average (1 min) during the run: %.1f-%.1f, mean %.1f\n", min, max, sum / cnt
      print "memory per process (MiB) at start, every minute, end; growth over the last 5 minutes (goal < 5 %):"
      for (i = 1; i <= k; i++) {
        n = order[i]; if (n == "-") continue
        b = base(n, last[n])
        printf "  %-22s%s   growth %+.1f %% over the last %.1f min\n", n, series[n], growth(at[n, b], lastv[n]), (last[n] - b) / 60
        if (n in dayend) {
          b = base(n, dayend[n])
          printf "  %-22s   the day model: growth %+.1f %% over its last %.1f min; then the capacity phase and catch-up: %+.1f %%\n", "",
            growth(at[n, b], dayendv[n]), (dayend[n] - b) / 60, growth(dayendv[n], lastv[n])
        }
      }
      print "JVM heap (MiB) at the same moments, from jstat: committed (the JVM grows it up to -Xmx as its working set needs),"
      print "and the old generation in use (garbage included until a full collection):"
      for (i = 1; i <= k; i++) {
        n = order[i]; if (!(n in heaps)) continue
        printf "  %-22s committed%s\n  %-22s old used %s\n", n, heaps[n], "", olds[n]
      }
    }' "$1"
}

# tables FILE: rows and size of outbox_event and inbox_event in each service's database.
tables() {
  local db
  : > "$1"
  for db in exam certification competency membership; do
    PGPASSWORD=partnerhub psql -h "$PG_HOST" -p "$PG_PORT" -U partnerhub -d "$db" -X -tA -c "SELECT format('%-13s outbox %s rows %s, inbox %s rows %s', '$db',
        (SELECT count(*) FROM outbox_event), pg_size_pretty(pg_total_relation_size('outbox_event')),
        (SELECT count(*) FROM inbox_event), pg_size_pretty(pg_total_relation_size('inbox_event')))" >> "$1" 2>/dev/null \
      || echo "$db: not reachable" >> "$1"
  done
}
