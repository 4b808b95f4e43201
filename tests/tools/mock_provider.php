<?php
/*
 * A local stand-in for AI provider APIs, for the demo and the end-to-end tests: a router
 * script for PHP's built-in server. Answers are shaped like the providers' documented
 * responses, with usage computed from the request so tests can predict it.
 *
 *     php -n -S 127.0.0.1:8089 tests/tools/mock_provider.php
 *
 *   POST /v1/chat/completions               OpenAI chat completion
 *   POST /v1/responses                      OpenAI Responses API
 *   POST /v1/embeddings                     OpenAI embeddings
 *   POST /v1/messages                       Anthropic Messages
 *   POST /v1beta/models/{model}:generateContent   Gemini
 *   any path with ?status=503               that status with an error body (429: OpenAI's
 *                                           documented rate-limit error)
 *   any path with ?delay_ms=N               answer after N ms
 *   POST /v1/chat/completions with "stream": true   the reply as chat.completion.chunk SSE
 *                                           events, one word each (usage in a last chunk when
 *                                           stream_options.include_usage); ?first_chunk_ms=N
 *                                           sends the headers, then waits N ms before the first
 *                                           event
 * Prompt tokens = number of words in the request's text, completion tokens = 12.
 */
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
parse_str((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_QUERY), $query);
$body = json_decode((string) file_get_contents('php://input'), true) ?: [];
if (isset($query['delay_ms'])) {
    usleep(1000 * (int) $query['delay_ms']);
}
header('Content-Type: application/json');
if (isset($query['status']) && (int) $query['status'] >= 400) {
    http_response_code((int) $query['status']);
    echo json_encode((int) $query['status'] === 429
        ? ['error' => ['message' => 'Rate limit reached for requests', 'type' => 'requests', 'param' => null, 'code' => 'rate_limit_exceeded']]
        : ['error' => ['message' => 'mock provider error', 'type' => 'server_error']]);
    return true;
}

$words = 0;
array_walk_recursive($body, function ($value, $key) use (&$words) {
    if (is_string($value) && in_array($key, ['content', 'text', 'input'], true)) {
        $words += str_word_count($value);
    }
});
$promptTokens = max(1, $words);
$completionTokens = 12;
$model = $body['model'] ?? 'gpt-4o-mini';
$reply = 'Hello from the local mock provider.';

if ($path === '/v1/chat/completions' && ($body['stream'] ?? false) === true) {
    header('Content-Type: text/event-stream');
    header('Cache-Control: no-cache');
    while (ob_get_level() > 0) {
        ob_end_flush();
    }
    flush();
    usleep(1000 * (int) ($query['first_chunk_ms'] ?? 0));
    $chunk = fn (array $choices, $usage = null) => 'data: ' . json_encode(['id' => 'chatcmpl-mockstream', 'object' => 'chat.completion.chunk',
        'created' => 1731000000, 'model' => $model . '-2024-07-18', 'choices' => $choices]
        + (($body['stream_options']['include_usage'] ?? false) ? ['usage' => $usage] : [])) . "\n\n";
    $words = explode(' ', $reply);
    foreach ($words as $i => $word) {
        echo $chunk([['index' => 0, 'delta' => ['content' => ($i ? ' ' : '') . $word], 'finish_reason' => null]]);
        flush();
    }
    echo $chunk([['index' => 0, 'delta' => (object) [], 'finish_reason' => 'stop']]);
    if ($body['stream_options']['include_usage'] ?? false) {
        echo $chunk([], ['prompt_tokens' => $promptTokens, 'completion_tokens' => count($words) + 1,
            'total_tokens' => $promptTokens + count($words) + 1]);
    }
    echo "data: [DONE]\n\n";
} elseif ($path === '/v1/chat/completions') {
    echo json_encode([
        'id' => 'chatcmpl-mock' . substr(md5((string) microtime(true)), 0, 8),
        'object' => 'chat.completion',
        'created' => time(),
        'model' => $model . '-2024-07-18',
        'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => $reply], 'logprobs' => null, 'finish_reason' => 'stop']],
        'usage' => [
            'prompt_tokens' => $promptTokens, 'completion_tokens' => $completionTokens,
            'total_tokens' => $promptTokens + $completionTokens,
            'prompt_tokens_details' => ['cached_tokens' => 0, 'audio_tokens' => 0],
            'completion_tokens_details' => ['reasoning_tokens' => 0, 'audio_tokens' => 0],
        ],
        'service_tier' => 'default',
        'system_fingerprint' => 'fp_mock',
    ]);
} elseif ($path === '/v1/responses') {
    echo json_encode([
        'id' => 'resp_mock1', 'object' => 'response', 'created_at' => time(), 'status' => 'completed',
        'model' => $model, 'output' => [['type' => 'message', 'id' => 'msg_1', 'status' => 'completed', 'role' => 'assistant',
            'content' => [['type' => 'output_text', 'text' => $reply, 'annotations' => []]]]],
        'usage' => ['input_tokens' => $promptTokens, 'input_tokens_details' => ['cached_tokens' => 0],
            'output_tokens' => $completionTokens, 'output_tokens_details' => ['reasoning_tokens' => 0],
            'total_tokens' => $promptTokens + $completionTokens],
    ]);
} elseif ($path === '/v1/embeddings') {
    echo json_encode(['object' => 'list', 'data' => [['object' => 'embedding', 'index' => 0, 'embedding' => [0.01, -0.02, 0.03]]],
        'model' => $model, 'usage' => ['prompt_tokens' => $promptTokens, 'total_tokens' => $promptTokens]]);
} elseif ($path === '/v1/messages') {
    echo json_encode(['id' => 'msg_mock1', 'type' => 'message', 'role' => 'assistant', 'model' => $model,
        'content' => [['type' => 'text', 'text' => $reply]], 'stop_reason' => 'end_turn', 'stop_sequence' => null,
        'usage' => ['input_tokens' => $promptTokens, 'cache_creation_input_tokens' => 0, 'cache_read_input_tokens' => 0,
            'output_tokens' => $completionTokens]]);
} elseif (preg_match('#^/v1beta/models/([^/:]+):generateContent$#', $path, $m)) {
    echo json_encode(['candidates' => [['content' => ['parts' => [['text' => $reply]], 'role' => 'model'], 'finishReason' => 'STOP', 'index' => 0]],
        'usageMetadata' => ['promptTokenCount' => $promptTokens, 'candidatesTokenCount' => $completionTokens,
            'totalTokenCount' => $promptTokens + $completionTokens],
        'modelVersion' => $m[1], 'responseId' => 'mock-gemini-1']);
} else {
    http_response_code(404);
    echo json_encode(['error' => ['message' => "no mock for $path"]]);
}
return true;
