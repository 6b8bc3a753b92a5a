#!/usr/bin/env python3
"""A WebSub hub for CI: answers 200 to every POST and appends what it received to a JSON-lines
file. Usage: websub-sink.py <port-file> <log-file> (writes the port it listens on to port-file)."""
import http.server, json, sys, urllib.parse

port_file, log_path = sys.argv[1], sys.argv[2]
log = open(log_path, "a")

class Hub(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        query = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
        log.write(json.dumps({"mode": query.get("hub.mode", [""])[0], "topic": query.get("hub.topic", [""])[0], "body": body}) + "\n")
        log.flush()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hub)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
