--TEST--
auto_capture: the request's stop sequences (OpenAI stop as a string or a list, Anthropic and Cohere stop_sequences, Gemini generationConfig.stopSequences) and embedding encoding formats (OpenAI encoding_format, Cohere embedding_types) reach the record and the span as lists; non-strings are skipped, more than 64 are cut with a warning
--EXTENSIONS--
curl
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
$code = <<<'PHP'
$port = (int) getenv('MOCK_PORT');
$records = [];
Spectra\Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
$send = function (string $path, array $body) use ($port) {
    $ch = curl_init("http://127.0.0.1:$port$path");
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => json_encode($body)]);
    curl_exec($ch);
};
$chat = ['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'x']]];
$send('/v1/chat/completions', $chat + ['stop' => ["\n\n", 'END']]);
$send('/v1/chat/completions', $chat + ['stop' => '###']);
$send('/v1/messages', ['model' => 'claude-sonnet-4-5', 'max_tokens' => 10, 'messages' => [['role' => 'user', 'content' => 'x']],
    'stop_sequences' => ['Human:']]);
$send('/v1beta/models/gemini-2.0-flash:generateContent', ['contents' => [['parts' => [['text' => 'x']]]],
    'generationConfig' => ['stopSequences' => ['.', '!']]]);
$send('/v1/embeddings', ['model' => 'text-embedding-3-small', 'input' => 'x', 'encoding_format' => 'base64']);
$send('/v2/embed', ['model' => 'embed-v4.0', 'texts' => ['x'], 'input_type' => 'search_document', 'embedding_types' => ['float', 'int8']]);
$send('/v1/chat/completions', $chat + ['stop' => [1, 'x', null, ['y']]]);
$send('/v1/chat/completions', $chat + ['stop' => 5]);
$send('/v1/chat/completions', $chat + ['stop' => array_map(fn ($i) => "s$i", range(1, 70))]);
foreach ($records as $r) {
    $stop = $r['request_stop_sequences'];
    echo json_encode(count($stop) > 4 ? [count($stop), $stop[0], end($stop)] : $stop), ' ', json_encode($r['request_encoding_formats']), "\n";
}
PHP;
$r = spectra_child($code, ['extension' => 'curl', 'spectra.auto_capture' => '1', 'spectra.providers.openai.hosts' => '127.0.0.1',
    'spectra.otel.exporter' => 'console'], ['MOCK_PORT' => (string) $port]);
echo $r['stdout'];
$lines = explode("\n", $r['stderr']);
foreach ([0, 4] as $i) {
    preg_match_all('/gen_ai\.request\.(stop_sequences|encoding_formats)=\S+/', $lines[$i] ?? '', $m);
    echo implode(' ', $m[0]), "\n";
}
echo implode("\n", preg_grep('/over its limits/', $lines)), "\n";
?>
--EXPECTF--
["\n\n","END"] []
["###"] []
["Human:"] []
[".","!"] []
[] ["base64"]
[] ["float","int8"]
["x"] []
[] []
[64,"s1","s64"] []
gen_ai.request.stop_sequences=["\n\n","END"]
gen_ai.request.encoding_formats=["base64"]
%Sover its limits: 6 stop sequences or encoding formats dropped (at most 64 each)%S
