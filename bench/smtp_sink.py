"""A minimal SMTP sink for the benchmarks: accepts every message, appends
one line per message (arrival time in seconds and the recipients) to a log.

    python3 bench/smtp_sink.py PORT LOGFILE
"""
import asyncio
import sys
import time


async def session(reader, writer, log):
    writer.write(b"220 bench-sink ESMTP\r\n")
    rcpt = []
    while True:
        line = await reader.readline()
        if not line:
            break
        cmd = line[:4].upper()
        if cmd == b"EHLO":
            writer.write(b"250-bench-sink\r\n250 8BITMIME\r\n")
        elif cmd == b"HELO":
            writer.write(b"250 bench-sink\r\n")
        elif cmd == b"MAIL":
            rcpt = []
            writer.write(b"250 OK\r\n")
        elif cmd == b"RCPT":
            rcpt.append(line.decode(errors="replace").split(":", 1)[1].strip().strip("<>"))
            writer.write(b"250 OK\r\n")
        elif cmd == b"DATA":
            writer.write(b"354 go ahead\r\n")
            await writer.drain()
            while True:
                data = await reader.readline()
                if not data or data in (b".\r\n", b".\n"):
                    break
            log.write(f"{time.time():.6f} {','.join(rcpt)}\n")
            log.flush()
            writer.write(b"250 OK\r\n")
        elif cmd == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()


async def main():
    port, path = int(sys.argv[1]), sys.argv[2]
    log = open(path, "a")
    server = await asyncio.start_server(lambda r, w: session(r, w, log), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


asyncio.run(main())
