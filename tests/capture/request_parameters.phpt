--TEST--
auto_capture: the request's parameters (max tokens, temperature, top_p, top_k, penalties, seed, choice count, tool definitions) from string and array bodies, OpenAI and Gemini names, reach the record and the span; absent ones are null; odd values are ignored
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
$keys = ['request_max_tokens', 'request_temperature', 'request_top_p', 'request_top_k', 'request_frequency_penalty',
    'request_presence_penalty', 'request_seed', 'request_choice_count', 'request_tool_count'];
$send = function (string $path, $body) use ($port) {
    $ch = curl_init("http://127.0.0.1:$port$path");
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => $body]);
    curl_exec($ch);
};
$send('/v1/chat/completions', json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'x']],
    'max_completion_tokens' => 256, 'temperature' => 0.2, 'top_p' => 1, 'frequency_penalty' => -0.5, 'presence_penalty' => 0,
    'seed' => 42, 'n' => 2, 'tools' => [['type' => 'function', 'function' => ['name' => 'a']], ['type' => 'function', 'function' => ['name' => 'b']]]]));
$send('/v1beta/models/gemini-2.0-flash:generateContent', json_encode(['contents' => [['parts' => [['text' => 'x']]]],
    'generationConfig' => ['maxOutputTokens' => 100, 'temperature' => 1.5, 'topK' => 40, 'topP' => 0.95, 'candidateCount' => 1]]));
// odd values: strings that are numbers count, the rest is ignored; nothing given -> null
$send('/v1/chat/completions', json_encode(['model' => 'gpt-4o-mini', 'max_tokens' => '64', 'temperature' => 'hot',
    'top_p' => [1], 'seed' => -3, 'n' => 1.5, 'tools' => 'none']));
$send('/v1/chat/completions', ['model' => 'gpt-4o-mini', 'max_tokens' => '12']); // an array body (multipart form)
$send('/v1/chat/completions', "\xff\xfe not json {"); // no model in the body: the answer's snapshot names it
foreach ($records as $r) {
    echo $r['model'], ': ', json_encode(array_map(fn ($k) => $r[$k], $keys)), "\n";
}
PHP;
$r = spectra_child($code, ['extension' => 'curl', 'spectra.auto_capture' => '1', 'spectra.providers.openai.hosts' => '127.0.0.1',
    'spectra.otel.exporter' => 'console'], ['MOCK_PORT' => (string) $port]);
echo $r['stdout'];
preg_match_all('/gen_ai\.request\.(max_tokens|temperature|top_p|top_k|frequency_penalty|presence_penalty|seed|choice\.count)=\S+|spectra\.request\.tool_count=\S+/', explode("\n", $r['stderr'])[0], $m);
echo implode(' ', $m[0]), "\n";
?>
--EXPECT--
gpt-4o-mini: [256,0.2,1,null,-0.5,0,42,2,2]
gemini-2.0-flash: [100,1.5,0.95,40,null,null,null,1,null]
gpt-4o-mini: [64,null,null,null,null,null,null,null,null]
gpt-4o-mini: [12,null,null,null,null,null,null,null,null]
gpt-4o-mini-2024-07-18: [null,null,null,null,null,null,null,null,null]
gen_ai.request.max_tokens=256 gen_ai.request.seed=42 gen_ai.request.choice.count=2 spectra.request.tool_count=2 gen_ai.request.temperature=0.2 gen_ai.request.top_p=1 gen_ai.request.frequency_penalty=-0.5 gen_ai.request.presence_penalty=0
