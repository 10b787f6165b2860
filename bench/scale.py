#!/usr/bin/env python3
"""The cost table (issue 19): what each path costs at 100, 1,000, 10,000 and
100,000 sessions, on SQLite and on PostgreSQL.

Each size is reached by adding sessions to the one before: one template
session and registration are made through the API (so every column holds
what the application writes), then copied in SQL with their own titles,
times, emails and link digests. Every session has 10 registrations, one
session has 5,000; a third of the sessions are open to one region only.
The server is restarted at each size, so "cold" means a fresh process.

Figures are sequential requests over one keep-alive connection: p50 and
p99 in milliseconds. A path is "render" when a query parameter the page
ignores makes the page cache miss, and "warm" when the same URL is asked
again. Run through bench/scale.sh, which builds the release binary.
"""

import http.client
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

BIN = os.path.abspath("target/release/convene")
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,10000,100000").split(",")]
REPEAT = int(os.environ.get("BENCH_REPEAT", "60"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PASSWORD = "bench-password-long-enough"
REGION = "south-east-asia"
# Sessions start every 10 minutes from a month ahead (past the reminders
# that would otherwise go out during the run): 100,000 of them span
# about two years, all still to come.
START = (datetime.now(timezone.utc) + timedelta(days=30)).replace(minute=0, second=0, microsecond=0, tzinfo=None)


class Db:
    """Raw SQL on either backend: sqlite3 for SQLite, psql for PostgreSQL."""

    def __init__(self, url):
        self.url = url
        self.sqlite = url.startswith("sqlite://")

    def run(self, sql):
        if self.sqlite:
            conn = sqlite3.connect(self.url[len("sqlite://"):], timeout=30)
            conn.executescript(sql)
            conn.close()
        else:
            subprocess.run(["psql", self.url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], check=True,
                           stdout=subprocess.DEVNULL)

    def rows(self, sql):
        if self.sqlite:
            conn = sqlite3.connect(self.url[len("sqlite://"):], timeout=30)
            out = [tuple(str(v) for v in r) for r in conn.execute(sql).fetchall()]
            conn.close()
            return out
        out = subprocess.run(["psql", self.url, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", sql], check=True,
                             capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines() if line]

    def columns(self, table):
        if self.sqlite:
            return [r[1] for r in self.rows(f"PRAGMA table_info({table})")]
        return [r[0] for r in self.rows(
            f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")]

    def numbers(self, count):
        """A FROM item yielding i = 1..count."""
        if self.sqlite:
            return f"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n) AS n"
        return f"generate_series(1, {count}) AS n(i)"

    def plus_minutes(self, column, minutes_expr):
        if self.sqlite:
            return f"datetime({column}, '+' || ({minutes_expr}) || ' minutes')"
        return f"{column} + ({minutes_expr}) * interval '1 minute'"

    def text(self, expr):
        return expr if self.sqlite else f"({expr})::text"

    def size(self):
        if self.sqlite:
            path = self.url[len("sqlite://"):]
            return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
        return int(self.rows("SELECT pg_database_size(current_database())")[0][0])

    def copy(self, table, overrides, source, alias):
        """INSERT INTO table SELECT its columns (of `alias` in source), some replaced."""
        cols = [c for c in self.columns(table) if c != "id"]
        exprs = [overrides.get(c, f"{alias}.{c}") for c in cols]
        self.run(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(exprs)} FROM {source}")


class Server:
    def __init__(self, url, work):
        self.env = dict(os.environ, CONVENE_DATABASE_URL=url, CONVENE_BIND="127.0.0.1:0", CONVENE_DEMO="false",
                        CONVENE_RATE_LIMIT_PER_MINUTE="0", CONVENE_LOG="error", CONVENE_MAIL_DIR=f"{work}/outbox")
        self.work = work
        self.proc = None

    def cli(self, *args, stdin=None):
        return subprocess.run([BIN, *args], env=self.env, input=stdin, capture_output=True, text=True, check=True).stdout

    def start(self):
        out = open(f"{self.work}/serve.out", "w")
        self.proc = subprocess.Popen([BIN, "serve"], env=self.env, stdout=out, stderr=subprocess.DEVNULL)
        for _ in range(600):
            m = re.search(r"^Convene is running at (\S+?)/?$", open(f"{self.work}/serve.out").read(), re.M)
            if m:
                self.base = m.group(1)
                return
            time.sleep(0.05)
        raise SystemExit("server did not start")

    def stop(self):
        if self.proc:
            self.proc.terminate()
            self.proc.wait()
            self.proc = None


class Client:
    """One keep-alive connection, as a browser or calendar client keeps."""

    def __init__(self, base, headers=None):
        u = urllib.parse.urlsplit(base)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        self.headers = headers or {}

    def request(self, method, path, body=None, headers=None):
        h = dict(self.headers, **(headers or {}))
        t = time.perf_counter()
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        return r.status, data, (time.perf_counter() - t) * 1000, r

    def get(self, path, **kw):
        return self.request("GET", path, **kw)


def api(base, token, method, path, body=None):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def login(base):
    """The workspace's cookies, through the login form as a browser would."""
    jar = urllib.request.HTTPCookieProcessor()
    opener = urllib.request.build_opener(jar)
    page = opener.open(base + "/admin/login").read().decode()
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf_token": csrf, "email": "bench@example.org", "password": PASSWORD}).encode()
    opener.open(base + "/admin/login", data=form).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar.cookiejar)


def seed(db, base, token, have, want, template):
    """Add sessions have+1..want, each with 10 registrations."""
    count = want - have
    session_id, reg_id, region_id, other_region_id = template
    ids_before = int(db.rows("SELECT COALESCE(MAX(id), 0) FROM sessions")[0][0])
    k = f"({have} + n.i)"
    db.copy("sessions", {
        "title": f"'Scale session ' || {db.text(k)}",
        "starts_at": db.plus_minutes("t.starts_at", f"{k} * 10"),
        "ends_at": db.plus_minutes("t.ends_at", f"{k} * 10"),
        "seats_taken": "10",
        "sequence": "0",
        # Older than the feed caches' safety margin for just-written rows.
        "created_at": "'2026-01-01 00:00:00'",
        "updated_at": "'2026-01-01 00:00:00'",
    }, f"sessions AS t CROSS JOIN {db.numbers(count)} WHERE t.id = {session_id}", "t")
    new = f"sessions.id > {ids_before}"
    db.run(f"INSERT INTO session_topics (session_id, topic_id) SELECT sessions.id, t.topic_id FROM sessions, "
           f"session_topics t WHERE {new} AND t.session_id = {session_id}")
    # A third open to one region, a third to another, a third to all.
    for rest, region in ((0, region_id), (1, other_region_id)):
        db.run(f"INSERT INTO session_regions (session_id, region_id) SELECT id, {region} FROM sessions "
               f"WHERE {new} AND id % 3 = {rest}")
    who = f"{db.text('sessions.id')} || '-' || {db.text('n.i')}"
    db.copy("registrations", {
        "session_id": "sessions.id",
        "name": f"'Participant ' || {who}",
        "email": f"'p' || {who} || '@example.org'",
        "manage_token_hash": f"'scale-m-' || {who}",
        "feed_token_hash": f"'scale-f-' || {who}",
        "secret_nonce": f"'scale-n-' || {who}",
    }, f"registrations AS r CROSS JOIN sessions CROSS JOIN {db.numbers(10)} WHERE r.id = {reg_id} AND {new}", "r")
    db.run("ANALYZE")


def measure(client, path, n, unique=False):
    times = []
    for i in range(n):
        p = path
        if unique:
            p += ("&" if "?" in p else "?") + f"bench={time.time_ns()}"
        status, body, ms, _ = client.get(p)
        if status != 200:
            raise SystemExit(f"{p}: HTTP {status}: {body[:300]!r}")
        times.append(ms)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return statistics.median(times), p99, len(body)


def backend(name, url, work):
    db = Db(url)
    server = Server(url, work)
    token = server.cli("token", "create", "--name", "bench").strip().splitlines()[-1]
    server.cli("admin", "create", "--email", "bench@example.org", stdin=PASSWORD + "\n")
    server.start()
    base = server.base
    day = START.strftime("%Y-%m-%dT%H:%M")
    end = (START + timedelta(minutes=90)).strftime("%Y-%m-%dT%H:%M")
    template = api(base, token, "POST", "/api/v1/sessions", {
        "title": "Scale template", "summary": "A session copied to make the cost table.",
        "description": "Its text is as long as a real one: " + "biosafety and biosecurity, " * 8,
        "time_zone": "Asia/Manila", "starts_at": day, "ends_at": end, "capacity": 100,
        "topics": ["biosafety"], "regions": [], "status": "published"})
    reg = api(base, token, "POST", f"/api/v1/sessions/{template['id']}/registrations", {
        "name": "Template Person", "email": "template@example.org", "organisation": "Bench", "country": "PH",
        "consent": True})
    big = api(base, token, "POST", "/api/v1/sessions", {
        "title": "Scale session with 5,000 registrants", "time_zone": "Europe/Brussels", "starts_at": day,
        "ends_at": end, "capacity": 6000, "regions": [], "status": "published"})
    server.stop()
    region_id = db.rows(f"SELECT id FROM regions WHERE slug = '{REGION}'")[0][0]
    other_region_id = db.rows(f"SELECT id FROM regions WHERE slug <> '{REGION}' ORDER BY id LIMIT 1")[0][0]
    who = f"{db.text('n.i')}"
    db.copy("registrations", {
        "session_id": str(big["id"]),
        "name": f"'Big ' || {who}", "email": f"'big' || {who} || '@example.org'",
        "manage_token_hash": f"'big-m-' || {who}", "feed_token_hash": f"'big-f-' || {who}",
        "secret_nonce": f"'big-n-' || {who}",
    }, f"registrations AS r CROSS JOIN {db.numbers(5000)} WHERE r.id = {reg['id']}", "r")
    db.run(f"UPDATE sessions SET seats_taken = 5000 WHERE id = {big['id']}")
    have = 2
    results = []
    for size in SIZES:
        t = time.perf_counter()
        seed(db, base, token, have, size, (template["id"], reg["id"], region_id, other_region_id))
        seeded = time.perf_counter() - t
        have = size
        started = time.perf_counter()
        server.start()
        base = server.base
        c = Client(base)
        # Start to the first answer of the cold all-sessions feed.
        status, body, feed_cold, _ = c.get("/feeds/all.ics")
        events = body.count(b"BEGIN:VEVENT")
        row = {"backend": name, "sessions": int(db.rows("SELECT COUNT(*) FROM sessions")[0][0]),
               "registrations": int(db.rows("SELECT COUNT(*) FROM registrations")[0][0]),
               "seed_s": seeded, "feed_cold": feed_cold, "feed_events": events, "feed_bytes": len(body)}
        row["feed_warm"] = measure(c, "/feeds/all.ics", max(5, REPEAT // 6))[:2]
        row["region_feed_first"] = c.get(f"/feeds/regions/{REGION}.ics")[2]
        row["region_feed"] = measure(c, f"/feeds/regions/{REGION}.ics", max(5, REPEAT // 6))[:2]
        row["home_first"] = measure(c, "/", REPEAT, unique=True)[:2]
        row["home_first_warm"] = measure(c, "/", REPEAT)[:2]
        # The last page of the region filter, reached as a reader would by
        # its "next" links: the cursor is the last session of the page before.
        shown = [r[0] for r in db.rows(
            "SELECT id FROM sessions WHERE status = 'published' AND (id % 3 = 0 OR id NOT IN "
            "(SELECT session_id FROM session_regions)) ORDER BY starts_at DESC, id DESC LIMIT 21")]
        last = f"/?region={REGION}&after={shown[-1]}" if len(shown) > 20 else f"/?region={REGION}"
        status, body, _, _ = c.get(last)
        if b'rel="next"' in body:
            raise SystemExit(f"{last} is not the last page")
        row["home_last"] = measure(c, last, REPEAT, unique=True)[:2]
        mid = int(db.rows("SELECT MIN(id) FROM sessions WHERE title LIKE 'Scale session %' AND title NOT LIKE '%5,000%'")[0][0])
        row["session_page"] = measure(c, f"/sessions/{mid + size // 2}", REPEAT, unique=True)[:2]
        # Registrations, each to another session, each a new person.
        times = []
        for i in range(REPEAT):
            body = json.dumps({"name": f"Timed {i}", "email": f"timed-{size}-{i}@example.org", "organisation": "Bench",
                               "country": "PH", "consent": True})
            sid = mid + (i * 7919) % (size - 3)
            sid += 1 if sid % 3 == 1 else 0  # a third is open to Central Asia only; PH is in South-East Asia
            status, data, ms, _ = c.request("POST", f"/api/v1/sessions/{sid}/registrations",
                                            body=body, headers={"Content-Type": "application/json"})
            if status != 201:
                raise SystemExit(f"registration: HTTP {status}: {data[:300]!r}")
            times.append(ms)
        times.sort()
        row["registration"] = (statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))])
        ws = Client(base, {"Cookie": login(base)})
        row["ws_list"] = measure(ws, "/admin/sessions", max(10, REPEAT // 3))[:2]
        row["big_table"] = measure(ws, f"/admin/sessions/{big['id']}", max(5, REPEAT // 6))[:2]
        row["big_csv"] = measure(ws, f"/admin/sessions/{big['id']}/registrations.csv", max(5, REPEAT // 6))[:2]
        row["db_mib"] = db.size() / 2**20
        row["started_s"] = time.perf_counter() - started
        server.stop()
        results.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    return results


def table(results):
    paths = [("home_first", "home, first page (render)"), ("home_first_warm", "home, first page (cached)"),
             ("home_last", f"home, last page of ?region= (render)"), ("session_page", "session page (render)"),
             ("registration", "a registration"), ("feed_warm", "all-sessions feed (warm)"),
             ("region_feed", "region feed (warm)"), ("ws_list", "workspace session list"),
             ("big_table", "5,000-registrant session"), ("big_csv", "its CSV export")]
    for name in sorted({r["backend"] for r in results}):
        rows = [r for r in results if r["backend"] == name]
        print(f"\n{name}: p50 / p99 in ms; last column: the largest size's p50 as a ratio of the smallest's")
        head = "| path | " + " | ".join(f"{r['sessions']:,} sessions" for r in rows) + " | ratio |"
        print(head)
        print("|" + " --- |" * (len(rows) + 2))
        for key, label in paths:
            cells = [f"{r[key][0]:.1f} / {r[key][1]:.1f}" for r in rows]
            print(f"| {label} | " + " | ".join(cells) + f" | {rows[-1][key][0] / rows[0][key][0]:.1f}× |")
        print("| all-sessions feed, first request after start | " +
              " | ".join(f"{r['feed_cold']:.0f} ({r['feed_events']:,} events, {r['feed_bytes'] / 2**20:.1f} MiB)" for r in rows) + " | |")
        print("| region feed, first request | " + " | ".join(f"{r['region_feed_first']:.0f}" for r in rows) + " | |")
        print("| database size, MiB | " + " | ".join(f"{r['db_mib']:.1f}" for r in rows) + " | |")


def main():
    work = os.environ.get("BENCH_KEEP") or tempfile.mkdtemp(prefix="convene-scale-")
    results = []
    try:
        backends = os.environ.get("BENCH_BACKENDS", "sqlite,postgres").split(",")
        if "sqlite" in backends:
            results += backend("sqlite", f"sqlite://{work}/scale.db", work)
        if "postgres" in backends:
            if subprocess.run(["psql", PG_URL, "-Atc", "select 1"], capture_output=True).returncode != 0:
                print(f"postgres: skipped, nothing answers at {PG_URL}")
            else:
                name = f"convene_scale_{os.getpid()}"
                subprocess.run(["psql", PG_URL, "-qc", f"CREATE DATABASE {name}"], check=True)
                try:
                    results += backend("postgres", PG_URL.rsplit("/", 1)[0] + "/" + name, work)
                finally:
                    subprocess.run(["psql", PG_URL, "-qc", f"DROP DATABASE {name} WITH (FORCE)"], check=True)
        table(results)
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
