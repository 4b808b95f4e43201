--TEST--
Re-entrancy: every public method called from inside a listener, a transformer, a span builder (closure and object) and a response's toArray()/jsonSerialize() works: no crash, the outer call is recorded once, a call tracked inside a listener/transformer/span builder is recorded without running those hooks again (no recursion), and a hook that replaces itself while running is safe
--INI--
spectra.otel.enabled=1
spectra.otel.exporter=otlp
spectra.otel.endpoint=http://127.0.0.1:9
spectra.export_mode=after_response
--FILE--
<?php
use Spectra\Spectra;
use Spectra\RequestContext;

$ok = ['object' => 'chat.completion', 'model' => 'gpt-4o-mini', 'usage' => ['prompt_tokens' => 3, 'completion_tokens' => 2]];
$outer = null; // the RequestContext of the call being completed

// Each action calls one public method (or a few that belong together) and returns how many
// records it creates itself.
$actions = [
    'track' => function () use ($ok) { Spectra::track('openai', 'gpt-4o-mini', fn () => $ok); return 1; },
    'startRequest+recordSuccess' => function () use ($ok) { Spectra::recordSuccess(Spectra::startRequest('anthropic', 'claude-3-5-haiku'), $ok); return 1; },
    'startRequest+recordFailure' => function () { Spectra::recordFailure(Spectra::startRequest('openai', 'gpt-4o'), new RuntimeException('boom'), 503); return 1; },
    'withoutTracking' => function () use ($ok) { Spectra::withoutTracking(fn () => Spectra::track('openai', 'gpt-4o-mini', fn () => $ok)); return 0; },
    'withTraceId' => function () { Spectra::withTraceId('4bf92f3577b34da6a3ce929d0e0e4736'); return 0; },
    'withMetadata' => function () { Spectra::withMetadata(['k' => 'v']); return 0; },
    'addGlobalTags' => function () { Spectra::addGlobalTags(['t']); return 0; },
    'withPricingTier' => function () { Spectra::withPricingTier('batch'); return 0; },
    'forTrackable' => function () { Spectra::forTrackable('User', 7); return 0; },
    'clearGlobals' => function () { Spectra::clearGlobals(); return 0; },
    'listen' => function () { Spectra::listen(function () {}); return 0; },
    'useTransformer(null)' => function () { Spectra::useTransformer(null); return 0; },
    'useTransformer(new)' => function () { Spectra::useTransformer(fn (array $r) => $r); return 0; },
    'useSpanBuilder(null)' => function () { Spectra::useSpanBuilder(null); return 0; },
    'useSpanBuilder(new)' => function () { Spectra::useSpanBuilder(new \Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder()); return 0; },
    // flush() hands the pending spans over: they leave the count this test reads
    'flush' => function () { $pending = Spectra::stats()['pending']; Spectra::flush(0); return Spectra::stats()['pending'] - $pending; },
    'stats' => function () { return is_array(Spectra::stats()) ? 0 : 100; },
    'isEnabled' => function () { return Spectra::isEnabled() === true ? 0 : 100; },
    'currentTraceId' => function () { return strlen(Spectra::currentTraceId()) === 32 ? 0 : 100; },
    'outer context methods' => function () use (&$outer) {
        if ($outer instanceof RequestContext) {
            try {
                $outer->addTag('late')->addMetadata('late', 1)->forTrackable('Team', 'x')->inConversation('c1')
                    ->withPricingTier('flex')->setUsage(['prompt_tokens' => 1]);
            } catch (\Throwable $e) {
                echo "  outer context: ", get_class($e), ": ", $e->getMessage(), "\n";
            }
            $outer->isCompleted();
        }
        return 0;
    },
];

class ArrayResponse { public function __construct(private $hook, private array $data) {} public function toArray(): array { ($this->hook)(); return $this->data; } }
class JsonResponse implements JsonSerializable { public function __construct(private $hook, private array $data) {} public function jsonSerialize(): mixed { ($this->hook)(); return $this->data; } }
class ReentrantTransformer extends \Spectra\Support\RequestTransformer { public function __construct(private $hook) {} public function transform(array $r): array { ($this->hook)(); return parent::transform($r); } }
class ReentrantBuilder implements \Spectra\Contracts\SpanBuilder { public function __construct(private $hook) {} public function build(array $d): array { ($this->hook)(); return ['name' => 'built ' . $d['model']]; } }

// Installs the hook that runs $action once; returns the response the outer callback gives.
$hooks = [
    'listener' => function ($run) use ($ok) { Spectra::listen(function () use ($run) { $run(); }); return $ok; },
    'transformer closure' => function ($run) use ($ok) { Spectra::useTransformer(function (array $r) use ($run) { $run(); return $r; }); return $ok; },
    'transformer object' => function ($run) use ($ok) { Spectra::useTransformer(new ReentrantTransformer($run)); return $ok; },
    'span builder closure' => function ($run) use ($ok) { Spectra::useSpanBuilder(function (array $d) use ($run) { $run(); return ['name' => 'x']; }); return $ok; },
    'span builder object' => function ($run) use ($ok) { Spectra::useSpanBuilder(new ReentrantBuilder($run)); return $ok; },
    'toArray' => function ($run) use ($ok) { return new ArrayResponse($run, $ok); },
    'jsonSerialize' => function ($run) use ($ok) { return new JsonResponse($run, $ok); },
];

$problems = 0;
$cases = 0;
foreach ($hooks as $hook_name => $install) {
    foreach ($actions as $action_name => $action) {
        Spectra::clearGlobals();
        Spectra::useTransformer(null);
        Spectra::useSpanBuilder(null);
        // listeners cannot be removed: the ones of earlier cases stay, and do nothing
        $case = new stdClass();
        $case->ran = 0;
        $case->made = 0;
        $run = function () use ($case, $action) { if ($case->ran < 1000 && $case->ran++ === 0) { $case->made = $action(); } };
        $response = $install($run);
        $before = Spectra::stats()['pending'];
        $result = Spectra::track('openai', 'gpt-4o-mini', function (RequestContext $context) use (&$outer, $response) { $outer = $context; return $response; });
        $records = Spectra::stats()['pending'] - $before;
        $cases++;
        // the outer call plus what the action tracked; the hook ran exactly once
        if ($result !== $response || $case->ran !== 1 || $records !== 1 + $case->made || !$outer->isCompleted()) {
            $problems++;
            echo "$hook_name / $action_name: ran={$case->ran} records=$records expected ", 1 + $case->made, "\n";
        }
        $case->ran = 1000; // retired: its hook, if it stays installed, does nothing more
    }
}
echo "$cases cases, $problems problems\n";

// a listener that tracks (eagerly, every time) records one nested call and no more
Spectra::useTransformer(null);
Spectra::useSpanBuilder(null);
$nested = 0;
Spectra::listen(function () use (&$nested, $ok) { $nested++; Spectra::track('openai', 'gpt-4o-mini', fn () => $ok); });
$before = Spectra::stats()['pending'];
Spectra::track('openai', 'gpt-4o-mini', fn () => $ok);
echo "listener that always tracks: listener calls=$nested, records=", Spectra::stats()['pending'] - $before, "\n";

// a response whose toArray() tracks itself again nests 16 deep at most, with a warning
class SelfTracking { public int $depth = 0; public function toArray(): array { $this->depth++; Spectra::track('openai', 'gpt-4o-mini', fn () => $this); return []; } }
$self = new SelfTracking();
Spectra::track('openai', 'gpt-4o-mini', fn () => $self);
echo "self-tracking toArray(): depth=", $self->depth, "\n";
echo "done\n";
?>
--EXPECTF--
%A140 cases, 0 problems
listener that always tracks: listener calls=1, records=2
%A
Warning: Spectra\Spectra::track(): Spectra: callbacks nested 16 deep: response toArray() and the callbacks of the records completed at this depth are not called in %s on line %d
self-tracking toArray(): depth=16
done
%A
