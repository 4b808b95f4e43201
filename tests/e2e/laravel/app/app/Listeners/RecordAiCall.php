<?php

namespace App\Listeners;

use DateTimeInterface;
use Spectra\Events\RequestTracked;

/**
 * Registered with Event::listen() in AppServiceProvider; ext-spectra reaches it through
 * Laravel's event() helper (php.ini: spectra.event_dispatcher=event). Appends one JSON line
 * per tracked call to storage/app/spectra-events.jsonl.
 */
final class RecordAiCall
{
    public function handle(RequestTracked $event): void
    {
        $r = $event->request;
        $line = [
            'listener' => self::class,
            'id' => $r['id'],
            'trace_id' => $r['trace_id'],
            'span_id' => $r['span_id'],
            'parent_span_id' => $r['parent_span_id'] ?? null,
            'provider' => $r['provider'],
            'model' => $r['model'],
            'snapshot' => $r['snapshot'] ?? null,
            'prompt_tokens' => $r['prompt_tokens'],
            'completion_tokens' => $r['completion_tokens'],
            'total_tokens' => $r['total_tokens'],
            'total_cost_in_cents' => $r['total_cost_in_cents'],
            'cost_known' => $r['cost_known'],
            'is_failed' => $r['is_failed'],
            'error_type' => $r['error_type'] ?? null,
            'status_code' => $r['status_code'] ?? null,
            'tags' => $r['tags'],
            'metadata' => $r['metadata'],
            'server_address' => $r['server_address'] ?? null,
            'endpoint' => $r['endpoint'] ?? null,
            'started_at_class' => is_object($r['started_at']) ? get_class($r['started_at']) : gettype($r['started_at']),
            'completed_at_class' => is_object($r['completed_at']) ? get_class($r['completed_at']) : gettype($r['completed_at']),
            'started_at' => $r['started_at'] instanceof DateTimeInterface ? $r['started_at']->format('Y-m-d\TH:i:s.uP') : null,
            'started_at_timezone' => $r['started_at'] instanceof DateTimeInterface ? $r['started_at']->getTimezone()->getName() : null,
            'app_timezone' => config('app.timezone'),
            'latency_ms' => $r['latency_ms'],
            'pid' => getmypid(),
        ];
        file_put_contents(storage_path('app/spectra-events.jsonl'), json_encode($line, JSON_UNESCAPED_SLASHES) . "\n", FILE_APPEND | LOCK_EX);

        if (($r['metadata']['e2e_fault'] ?? null) === 'listener') {
            throw new \RuntimeException('e2e: listener fault injected');
        }
    }
}
