--TEST--
auto_capture: curl_multi with 3 provider handles makes 3 records, each with its own request's tokens (info_read, getcontent-only and remove_handle loops)
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start(3);
capture_records();
$url = "http://127.0.0.1:$port/v1/chat/completions";

function run_multi(string $url, string $finish): array
{
    $mh = curl_multi_init();
    $handles = [];
    foreach (['one', 'one two', 'one two three'] as $i => $text) {
        $ch = curl_init($url);
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body('gpt-4o-mini', $text)]);
        curl_multi_add_handle($mh, $ch);
        $handles[] = $ch;
    }
    do {
        $status = curl_multi_exec($mh, $running);
        if ($running) {
            curl_multi_select($mh, 1.0);
        }
        if ($finish === 'info_read') {
            while ($info = curl_multi_info_read($mh)) {
                curl_multi_remove_handle($mh, $info['handle']);
            }
        }
    } while ($running && $status === CURLM_OK);
    $tokens = [];
    foreach ($handles as $ch) {
        if ($finish === 'getcontent') {
            $tokens[] = json_decode(curl_multi_getcontent($ch), true)['usage']['prompt_tokens'];
        }
        if ($finish !== 'info_read') {
            curl_multi_remove_handle($mh, $ch);
        }
    }
    return $tokens;
}

foreach (['info_read', 'getcontent', 'remove_handle'] as $finish) {
    $seen = run_multi($url, $finish);
    $records = capture_records();
    $tokens = array_map(fn ($r) => $r['prompt_tokens'], $records);
    sort($tokens);
    $ids = array_unique(array_map(fn ($r) => $r['id'], $records));
    echo $finish, ': ', count($records), ' records, ', count($ids), ' ids, prompt tokens ', implode(',', $tokens),
        ', statuses ', implode(',', array_unique(array_map(fn ($r) => $r['status_code'], $records))),
        $seen ? ', application saw ' . implode(',', $seen) : '', "\n";
}
?>
--EXPECT--
info_read: 3 records, 3 ids, prompt tokens 1,2,3, statuses 200
getcontent: 3 records, 3 ids, prompt tokens 1,2,3, statuses 200, application saw 1,2,3
remove_handle: 3 records, 3 ids, prompt tokens 1,2,3, statuses 200
