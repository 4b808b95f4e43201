<?php

namespace App\Tracing;

use Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder;

/**
 * Named in php.ini (spectra.otel.span_builder=App\Tracing\SpanBuilder); the extension loads it
 * through Composer's autoloader on the first tracked call of a request. Keeps the native
 * GenAI attributes and adds two of the app's own.
 */
class SpanBuilder extends DefaultSpanBuilder
{
    protected function spanName(array $data): string
    {
        return 'laravel ' . parent::spanName($data);
    }

    protected function attributes(array $data): array
    {
        if (($data['metadata']['e2e_fault'] ?? null) === 'span_builder') {
            throw new \RuntimeException('e2e: span builder fault injected');
        }
        $attributes = parent::attributes($data);
        $attributes[] = ['key' => 'app.framework', 'value' => ['stringValue' => 'laravel/' . app()->version()]];
        $attributes[] = ['key' => 'app.route', 'value' => ['stringValue' => '/' . ltrim(request()->path(), '/')]];

        return $attributes;
    }
}
