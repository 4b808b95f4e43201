<?php

namespace App\Http\Controllers;

use App\Services\ChatService;
use Illuminate\Http\Client\RequestException;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Spectra\Spectra;

final class ChatController
{
    public function __construct(private readonly ChatService $chat)
    {
    }

    /** GET /chat?prompt=...&fail=0|1 */
    public function __invoke(Request $request): JsonResponse
    {
        $prompt = (string) $request->query('prompt', 'Say hello to the end-to-end test');
        try {
            $reply = $this->chat->reply($prompt, $request->boolean('fail'));
        } catch (RequestException $e) {
            return new JsonResponse([
                'error' => get_class($e),
                'status' => $e->response->status(),
                'trace_id' => Spectra::currentTraceId(),
            ], 502);
        }

        return new JsonResponse([
            'reply' => $reply,
            'trace_id' => Spectra::currentTraceId(),
            'pid' => getmypid(),
        ]);
    }

    /** GET /captured?mode=single|pool|quiet|other_host: Http calls with no track() (spectra.auto_capture=1) */
    public function captured(Request $request): JsonResponse
    {
        return new JsonResponse(['prompt_tokens' => $this->chat->captured((string) $request->query('mode', 'single')),
            'trace_id' => Spectra::currentTraceId()]);
    }

    /** GET /raw?client=laravel|symfony&status=200|429: the client's response object itself is returned from track() */
    public function raw(Request $request): JsonResponse
    {
        [$status, $body] = $this->chat->rawResponse((string) $request->query('client', 'laravel'), (int) $request->query('status', 200));

        return new JsonResponse(['status' => $status, 'body' => $body, 'trace_id' => Spectra::currentTraceId()]);
    }
}
