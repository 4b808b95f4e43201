--TEST--
TLS: verification is on by default (a self-signed collector is refused), spectra.otel.certificate trusts it, and a client certificate/key pass mutual TLS
--SKIPIF--
<?php if (!trim((string) shell_exec('command -v openssl')) || !trim((string) shell_exec('command -v python3'))) die('skip openssl and python3 needed'); ?>
--FILE--
<?php
require __DIR__ . '/export.inc';
$dir = sys_get_temp_dir() . '/spectra-tls-' . getmypid();
@mkdir($dir);
$ssl = fn (string $args) => shell_exec("openssl $args 2>&1");
// A CA, a server certificate for 127.0.0.1 and a client certificate, all made here, valid
// from 2000 to 9999 whatever today's date: `openssl ca` sets both ends explicitly (req -x509
// and x509 -req only count -days from now), so no clock and no calendar can expire them
// or make them not yet valid (a child process seeing another clock included).
file_put_contents("$dir/ca.cnf", <<<CNF
[ca]
default_ca = test_ca
[test_ca]
database = $dir/index.txt
new_certs_dir = $dir
rand_serial = yes
default_md = sha256
policy = any_name
unique_subject = no
[any_name]
commonName = supplied
[v3_ca]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = CA:false
subjectAltName = IP:127.0.0.1
extendedKeyUsage = serverAuth
[client]
basicConstraints = CA:false
extendedKeyUsage = clientAuth

CNF);
touch("$dir/index.txt");
$validity = '-startdate 20000101000000Z -enddate 99991231235959Z';
$sign = fn (string $name, string $ext, string $issuer) => $ssl("ca -batch -notext -config $dir/ca.cnf $issuer -in $dir/$name.csr -out $dir/$name.pem -extensions $ext $validity");
$ssl("req -new -newkey rsa:2048 -nodes -subj /CN=spectra-test-ca -keyout $dir/ca.key -out $dir/ca.csr");
$sign('ca', 'v3_ca', "-selfsign -keyfile $dir/ca.key");
$ssl("req -new -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout $dir/server.key -out $dir/server.csr");
$sign('server', 'server', "-cert $dir/ca.pem -keyfile $dir/ca.key");
$ssl("req -new -newkey rsa:2048 -nodes -subj /CN=spectra-client -keyout $dir/client.key -out $dir/client.csr");
$sign('client', 'client', "-cert $dir/ca.pem -keyfile $dir/ca.key");
foreach (['ca', 'server', 'client'] as $name) {
    echo "$name: ", str_replace("\n", ' ', trim((string) $ssl("x509 -in $dir/$name.pem -noout -startdate -enddate"))), "\n";
}

function tls_receiver(string $dir, bool $mutual): array {
    $port = free_port();
    $out = "$dir/out-$port";
    mkdir($out);
    $cmd = ['python3', __DIR__ . '/../tools/tls_receiver.py', (string) $port, "$dir/server.pem", "$dir/server.key", $out];
    if ($mutual) { $cmd[] = "$dir/ca.pem"; }
    $proc = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
    $ready = monotonic_seconds() + 15; // generous: a cold machine starts python slowly
    while (monotonic_seconds() < $ready && !@fsockopen('127.0.0.1', $port)) { usleep(30000); }
    register_shutdown_function(fn () => proc_terminate($proc));
    return [$port, $out];
}
$code = 'Spectra\Spectra::track("openai", "gpt-4o", fn () => []); Spectra\Spectra::flush(60000); $s = Spectra\Spectra::stats();
echo "sent={$s["sent"]} failed={$s["failed"]} ", $s["last_error"] !== "" ? "error-recorded" : "no-error", "\n";';

[$port, $out] = tls_receiver($dir, false);
$base = ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => "https://127.0.0.1:$port/v1/traces", 'spectra.otel.timeout' => 20];
echo 'default verification: ', spectra_child($code, $base)['stdout'];
echo 'trusted CA file:      ', spectra_child($code, $base + ['spectra.otel.certificate' => "$dir/ca.pem"])['stdout'];
echo 'bodies stored: ', count(glob("$out/*.bin")), "\n";

[$port, $out] = tls_receiver($dir, true);
$base['spectra.otel.endpoint'] = "https://127.0.0.1:$port/v1/traces";
$base['spectra.otel.certificate'] = "$dir/ca.pem";
echo 'mTLS without client cert: ', spectra_child($code, $base)['stdout'];
echo 'mTLS with client cert:    ', spectra_child($code, $base + ['spectra.otel.client_certificate' => "$dir/client.pem", 'spectra.otel.client_key' => "$dir/client.key"])['stdout'];
echo 'bodies stored: ', count(glob("$out/*.bin")), "\n";
shell_exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
ca: notBefore=Jan  1 00:00:00 2000 GMT notAfter=Dec 31 23:59:59 9999 GMT
server: notBefore=Jan  1 00:00:00 2000 GMT notAfter=Dec 31 23:59:59 9999 GMT
client: notBefore=Jan  1 00:00:00 2000 GMT notAfter=Dec 31 23:59:59 9999 GMT
default verification: sent=0 failed=1 error-recorded
trusted CA file:      sent=1 failed=0 no-error
bodies stored: 1
mTLS without client cert: sent=0 failed=1 error-recorded
mTLS with client cert:    sent=1 failed=0 no-error
bodies stored: 1
