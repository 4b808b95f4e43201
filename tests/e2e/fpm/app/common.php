<?php
// Shared by the e2e app scripts: a real HTTP POST to the local mock provider (its URL comes
// from the pool's env[SPECTRA_E2E_MOCK_URL]; FPM clears the rest of the environment).
declare(strict_types=1);

const E2E_PROMPT = 'hello from the end to end suite'; // 7 words = 7 prompt tokens at the mock

function e2e_mock_url(): string
{
    $url = getenv('SPECTRA_E2E_MOCK_URL');
    if (!is_string($url) || $url === '') {
        throw new RuntimeException('SPECTRA_E2E_MOCK_URL is not set in the pool');
    }
    return rtrim($url, '/') . '/v1/chat/completions';
}

/** POSTs a chat completion to the mock provider; returns the decoded answer. */
function e2e_chat(): array
{
    $body = json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => E2E_PROMPT]]]);
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/json\r\nAccept: application/json\r\n",
        'content' => $body,
        'timeout' => 10,
        'ignore_errors' => true,
    ]]);
    $raw = file_get_contents(e2e_mock_url(), false, $context);
    if ($raw === false) {
        throw new RuntimeException('mock provider unreachable');
    }
    return json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
}

/**
 * Runs one tracked call (or the bare call when the extension is not loaded) and returns
 * what the page prints: the record the listener saw, the provider's reply, the worker pid.
 */
function e2e_tracked_call(string $id, array $options = []): array
{
    if (!class_exists('Spectra\Spectra')) {
        $answer = e2e_chat();
        return ['ok' => true, 'id' => $id, 'pid' => getmypid(), 'spectra' => false,
            'reply' => $answer['choices'][0]['message']['content'] ?? null];
    }
    $record = null;
    \Spectra\Spectra::listen(function (\Spectra\Events\RequestTracked $event) use (&$record) {
        $record = $event->request;
    });
    $options += ['tags' => ['e2e'], 'metadata' => ['e2e_req' => $id], 'url' => e2e_mock_url()];
    $answer = \Spectra\Spectra::track('openai', 'gpt-4o-mini', fn () => e2e_chat(), $options);
    return [
        'ok' => true,
        'id' => $id,
        'pid' => getmypid(),
        'spectra' => true,
        'reply' => $answer['choices'][0]['message']['content'] ?? null,
        'current_trace_id' => \Spectra\Spectra::currentTraceId(),
        'trace_id' => $record['trace_id'] ?? null,
        'span_id' => $record['span_id'] ?? null,
        'parent_span_id' => $record['parent_span_id'] ?? null,
        'tags' => $record['tags'] ?? null,
        'metadata' => $record['metadata'] ?? null,
        'trackable_type' => $record['trackable_type'] ?? null,
        'trackable_id' => $record['trackable_id'] ?? null,
        'pricing_tier' => $record['pricing_tier'] ?? null,
        'prompt_tokens' => $record['prompt_tokens'] ?? null,
        'completion_tokens' => $record['completion_tokens'] ?? null,
    ];
}

function e2e_json(array $data): void
{
    header('Content-Type: application/json');
    echo json_encode($data, JSON_UNESCAPED_SLASHES), "\n";
}
