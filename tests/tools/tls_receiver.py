#!/usr/bin/env python3
"""A minimal HTTPS OTLP receiver for the TLS tests (loopback only).

    tls_receiver.py PORT CERT KEY OUT_DIR [CLIENT_CA]

Answers every POST with 200 and an empty body, storing each request body as OUT_DIR/N.bin.
With CLIENT_CA, clients must present a certificate signed by it (mutual TLS). Exits by
itself after 120 s so a test that dies cannot leave it running.
"""
import http.server
import os
import ssl
import sys
import threading


def main():
    port, cert, key, out_dir = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    client_ca = sys.argv[5] if len(sys.argv) > 5 else None
    counter = {"n": 0}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            counter["n"] += 1
            with open(os.path.join(out_dir, "%d.bin" % counter["n"]), "wb") as f:
                f.write(body)
            self.send_response(200)
            self.send_header("Content-Type", self.headers.get("Content-Type", "application/x-protobuf"))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    if client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(client_ca)
    server = http.server.HTTPServer(("127.0.0.1", port), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Timer(120, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
