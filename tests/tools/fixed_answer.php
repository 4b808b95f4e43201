<?php
/*
 * A provider stand-in whose answers are the same bytes every time (no ids, no clock), for the
 * tests that compare what the application receives with capture on and off: PHP's built-in
 * server router. A chat completion padded to ~300 KB (many write callbacks), or with
 * "stream": true an SSE stream of chunks with usage in the last one.
 */
$body = json_decode((string) file_get_contents('php://input'), true) ?: [];
if (!empty($body['stream'])) {
    header('Content-Type: text/event-stream');
    for ($i = 0; $i < 50; $i++) {
        echo 'data: ', json_encode(['id' => 'chatcmpl-fixed', 'object' => 'chat.completion.chunk', 'model' => 'gpt-4o-mini-2024-07-18',
            'choices' => [['index' => 0, 'delta' => ['content' => str_repeat("word$i ", 200)], 'finish_reason' => null]]]), "\n\n";
    }
    echo 'data: ', json_encode(['id' => 'chatcmpl-fixed', 'object' => 'chat.completion.chunk', 'model' => 'gpt-4o-mini-2024-07-18',
        'choices' => [], 'usage' => ['prompt_tokens' => 7, 'completion_tokens' => 50, 'total_tokens' => 57]]), "\n\n";
    echo "data: [DONE]\n\n";
    return true;
}
header('Content-Type: application/json');
echo json_encode([
    'id' => 'chatcmpl-fixed', 'object' => 'chat.completion', 'created' => 1700000000, 'model' => 'gpt-4o-mini-2024-07-18',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => str_repeat("\xC3\xA9t\xC3\xA9 \xFF ", 30000)], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 7, 'completion_tokens' => 30000, 'total_tokens' => 30007],
], JSON_INVALID_UTF8_IGNORE);
