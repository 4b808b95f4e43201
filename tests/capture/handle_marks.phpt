--TEST--
auto_capture: handles that changed hosts, copies, handle numbers reused after other-host handles, hundreds alive at once, userinfo and ports in the URL: every provider request is recorded with its body and no other request is
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
$provider = "http://127.0.0.1:$port/v1/chat/completions";
$other = "http://localhost:$port/v1/chat/completions";
capture_records();

function models(): string
{
    return implode(',', array_map(fn ($r) => $r['model'], capture_records()));
}

// first another host, then the body and a provider URL in one array, the URL last
$ch = curl_init($other);
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body('gpt-4o'), CURLOPT_URL => $provider]);
curl_exec($ch);
echo "array, URL last: ", models(), "\n";
// the same array with the URL first, then an array that moves the handle away
$ch = curl_init($other);
curl_setopt_array($ch, [CURLOPT_URL => $provider, CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body('gpt-4o-mini')]);
curl_exec($ch);
curl_setopt_array($ch, [CURLOPT_POSTFIELDS => chat_body('gpt-4.1'), CURLOPT_URL => $other]);
curl_exec($ch);
echo "array, URL first, then away: ", models(), "\n";
// other -> provider -> other -> provider, one option at a time; the body set while other is not kept
$ch = curl_init($other);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body('gpt-3.5-turbo'));
curl_exec($ch);
curl_setopt($ch, CURLOPT_URL, $provider);
curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body('gpt-4o'));
curl_exec($ch);
curl_setopt($ch, CURLOPT_URL, $other);
curl_exec($ch);
curl_setopt($ch, CURLOPT_URL, $provider);
curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body('gpt-4o-mini'));
curl_exec($ch);
echo "setopt back and forth: ", models(), "\n";

// copies take the source's host
$source = curl_init($other);
curl_setopt_array($source, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body('gpt-4o')]);
$copy = curl_copy_handle($source);
curl_exec($copy);
curl_setopt($copy, CURLOPT_URL, $provider);
curl_setopt($copy, CURLOPT_POSTFIELDS, chat_body('gpt-4o-mini'));
curl_exec($copy);
$copy2 = curl_copy_handle($copy);
curl_exec($copy2);
echo "copies: ", models(), "\n";

// handle numbers reused: other and provider handles freed and made in turn
$made = 0;
for ($i = 0; $i < 40; $i++) {
    [$answer] = plain_post($other, chat_body('gpt-3.5-turbo'));
    [$answer] = plain_post($provider, chat_body('gpt-4o-mini'));
    $made += is_string($answer);
    plain_post($other, chat_body('gpt-3.5-turbo'));
    $ch = curl_init(); // on the number the other-host handle had: its body is kept
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body('gpt-4o'));
    curl_setopt($ch, CURLOPT_URL, $provider);
    $made += is_string(curl_exec($ch));
    unset($ch);
}
$records = capture_records();
echo "reused numbers: $made answers, ", count($records), " records, ",
    count(array_filter($records, fn ($r) => $r['model'] === 'gpt-4o-mini')), " gpt-4o-mini, ",
    count(array_filter($records, fn ($r) => $r['model'] === 'gpt-4o')), " gpt-4o\n";

// hundreds alive at once (object numbers past the first marks), every third a provider's
$handles = [];
for ($i = 0; $i < 300; $i++) {
    $handles[$i] = curl_init($i % 3 === 0 ? $provider : $other);
    curl_setopt_array($handles[$i], [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body($i % 3 === 0 ? 'gpt-4o' : 'gpt-3.5-turbo')]);
}
foreach ([0, 1, 2, 297, 298, 299] as $i) {
    curl_exec($handles[$i]);
}
echo "alive at once: ", models(), "\n";
$handles = [];

// userinfo and ports: the host decides
foreach (["http://user:secret@127.0.0.1:$port/v1/chat/completions", "http://user:secret@localhost:$port/v1/chat/completions",
    "http://localhost@127.0.0.1:$port/v1/chat/completions", "http://127.0.0.1@localhost:$port/v1/chat/completions"] as $url) {
    plain_post($url, chat_body('gpt-4o'));
}
$records = capture_records();
echo "userinfo: ", count($records), " records, ", implode(',', array_map(fn ($r) => $r['server_address'], $records)), "\n";
?>
--EXPECT--
array, URL last: gpt-4o
array, URL first, then away: gpt-4o-mini
setopt back and forth: gpt-4o,gpt-4o-mini
copies: gpt-4o-mini,gpt-4o-mini
reused numbers: 80 answers, 80 records, 40 gpt-4o-mini, 40 gpt-4o
alive at once: gpt-4o,gpt-4o
userinfo: 2 records, 127.0.0.1,127.0.0.1
