<?php

/**
 * @generate-class-entries
 * Regenerate the arginfo with: php /usr/lib/php/20220829/build/gen_stub.php stubs/spectra.stub.php
 * (or tools/gen-arginfo.sh, which points gen_stub.php at Debian's php-parser)
 */

namespace Spectra {
    /** @strict-properties */
    final class Spectra
    {
        public static function track(string $provider, string $model, callable $callback, array $options = []): mixed {}

        public static function stream(iterable|\Psr\Http\Message\StreamInterface $chunks, string $provider, string $model, array $options = []): \Generator {}

        public static function startRequest(string $provider, string $model, array $options = []): RequestContext {}

        public static function recordSuccess(RequestContext $context, mixed $response = null, array $usage = []): array {}

        public static function recordFailure(RequestContext $context, \Throwable $exception, ?int $httpStatus = null): array {}

        public static function withoutTracking(callable $callback): mixed {}

        public static function withTraceId(string $traceId): void {}

        public static function withMetadata(array $metadata): void {}

        public static function addGlobalTags(array $tags): void {}

        public static function withPricingTier(string $tier): void {}

        public static function forTrackable(string $type, string|int $id): void {}

        public static function clearGlobals(): void {}

        public static function listen(callable $listener): void {}

        public static function useTransformer(Support\RequestTransformer|callable|null $transformer): void {}

        public static function useSpanBuilder(Contracts\SpanBuilder|callable|null $builder): void {}

        public static function flush(?int $timeoutMs = null): bool {}

        public static function stats(): array {}

        public static function isEnabled(): bool {}

        public static function currentTraceId(): string {}
    }

    /** @strict-properties */
    final class RequestContext
    {
        public readonly string $id;
        public readonly string $traceId;
        public readonly string $spanId;
        public readonly string $provider;
        public readonly string $model;

        private function __construct() {}

        public function addTag(string $tag): static {}

        public function addMetadata(string $key, mixed $value): static {}

        public function forTrackable(string $type, string|int $id): static {}

        public function inConversation(string $conversationId): static {}

        public function withPricingTier(string $tier): static {}

        public function setUsage(array $usage): static {}

        public function isCompleted(): bool {}
    }
}

namespace Spectra\Events {
    final class RequestTracked
    {
        public readonly array $request;

        public function __construct(array $request) {}
    }
}

namespace Spectra\Support {
    class RequestTransformer
    {
        public function transform(array $request): array {}

        protected function excludedFields(): array {}
    }
}

namespace Spectra\Contracts {
    interface SpanBuilder
    {
        public function build(array $data): array;
    }
}

namespace Spectra\Integrations\OpenTelemetry {
    class DefaultSpanBuilder implements \Spectra\Contracts\SpanBuilder
    {
        public function build(array $data): array {}

        protected function spanName(array $data): string {}

        protected function attributes(array $data): array {}

        protected function status(array $data): array {}

        protected function events(array $data): array {}
    }
}

namespace Spectra\Internal {
    /**
     * @strict-properties
     * @not-serializable
     */
    final class StreamObserver
    {
        private function __construct() {}

        public function chunk(mixed $chunk): void {}

        public function end(): void {}

        public function fail(\Throwable $exception): void {}
    }
}
