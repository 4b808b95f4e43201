<?php

namespace App\Services;

use Illuminate\Http\Client\Pool;
use Illuminate\Support\Facades\Http;
use Symfony\Component\HttpClient\HttpClient;
use Spectra\RequestContext;
use Spectra\Spectra;

/**
 * Asks an OpenAI-compatible chat completions endpoint (config services.openai.base_url) for a
 * reply; the call is recorded by ext-spectra.
 */
final class ChatService
{
    public const MODEL = 'gpt-4o-mini';

    /**
     * The response object of the HTTP client is what the track() callback returns (no ->json(),
     * no ->throw()): a Laravel Illuminate\Http\Client\Response or a Symfony HttpClient
     * ResponseInterface. Afterwards the application still reads the body itself.
     *
     * @return array{int, mixed} the status and the decoded body, as the application sees them
     */
    public function rawResponse(string $client, int $status): array
    {
        $url = rtrim((string) config('services.openai.base_url'), '/') . '/chat/completions';
        if ($status >= 400) {
            $url .= "?status=$status";
        }
        $payload = ['model' => self::MODEL, 'messages' => [['role' => 'user', 'content' => 'four words of prompt']]];
        $response = Spectra::track('openai', self::MODEL, fn () => $client === 'symfony'
            ? HttpClient::create()->request('POST', $url, ['json' => $payload, 'auth_bearer' => (string) config('services.openai.key')])
            : Http::withToken((string) config('services.openai.key'))->acceptJson()->timeout(10)->post($url, $payload),
            ['tags' => ["raw-$client"]]);

        return $client === 'symfony'
            ? [$response->getStatusCode(), $response->toArray(false)]
            : [$response->status(), $response->json()];
    }

    /**
     * Provider calls the application makes with no Spectra code at all, as most code does:
     * spectra.auto_capture=1 records them. single: one Http::post; pool: Http::pool of five
     * concurrent posts (1 to 5 words of prompt); quiet: the same post inside
     * Spectra::withoutTracking(); other_host: the same server under a name that is no
     * provider's (localhost). Returns the prompt tokens each answer reported, as the app read them.
     *
     * @return list<int|null>
     */
    public function captured(string $mode): array
    {
        $base = rtrim((string) config('services.openai.base_url'), '/');
        $key = (string) config('services.openai.key');
        $payload = fn (int $words) => ['model' => self::MODEL,
            'messages' => [['role' => 'user', 'content' => implode(' ', array_fill(0, $words, 'word'))]]];
        $post = fn (string $url, int $words) => Http::withToken($key)->acceptJson()->timeout(10)->post($url, $payload($words))
            ->json('usage.prompt_tokens');

        return match ($mode) {
            'pool' => array_map(fn ($response) => $response->json('usage.prompt_tokens'), Http::pool(fn (Pool $pool) => array_map(
                fn (int $words) => $pool->withToken($key)->acceptJson()->timeout(10)->post("$base/chat/completions", $payload($words)),
                range(1, 5)))),
            'quiet' => [Spectra::withoutTracking(fn () => $post("$base/chat/completions", 2))],
            'other_host' => [$post(str_replace('127.0.0.1', 'localhost', $base) . '/chat/completions', 2)],
            default => [$post("$base/chat/completions", 3)],
        };
    }

    public function reply(string $prompt, bool $simulateOutage = false): string
    {
        $url = rtrim((string) config('services.openai.base_url'), '/') . '/chat/completions';
        if ($simulateOutage) {
            $url .= '?status=503'; // the mock provider answers 503 with an error body
        }

        $json = Spectra::track('openai', self::MODEL, function (RequestContext $ctx) use ($url, $prompt) {
            $ctx->addMetadata('route', request()->path());
            if (in_array(request()->query('e2e_fault'), ['listener', 'span_builder'], true)) {
                // fault injection for run.sh's E2E_LARAVEL_FAULTS=1 checks (see RecordAiCall, SpanBuilder)
                $ctx->addMetadata('e2e_fault', request()->query('e2e_fault'));
            }

            return Http::withToken((string) config('services.openai.key'))
                ->acceptJson()
                ->timeout(10)
                ->post($url, [
                    'model' => self::MODEL,
                    'messages' => [
                        ['role' => 'system', 'content' => 'You are terse.'],
                        ['role' => 'user', 'content' => $prompt],
                    ],
                ])
                ->throw()
                ->json();
        }, ['tags' => ['laravel-e2e'], 'url' => $url]);

        return (string) ($json['choices'][0]['message']['content'] ?? '');
    }
}
