--TEST--
PHP span builders: full SpanBuilder, DefaultSpanBuilder subclass overriding only spanName(), callable, and a malformed return (warning + native span)
--SKIPIF--
<?php require __DIR__ . '/export.inc'; if (!node_decoder_available()) die('skip node decoder not installed'); ?>
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$r = spectra_child(<<<'PHP'
use Spectra\Spectra;
use Spectra\Contracts\SpanBuilder;
use Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder;

final class Full implements SpanBuilder {
    public function build(array $data): array {
        return ['name' => 'ai ' . $data['provider'], 'kind' => 1,
                'attributes' => [['key' => 'team', 'value' => ['stringValue' => 'search']],
                                 ['key' => 'tokens', 'value' => ['intValue' => (string) $data['total_tokens']]],
                                 ['key' => 'tags', 'value' => ['arrayValue' => ['values' => [['stringValue' => 'a'], ['stringValue' => 'b']]]]]],
                'status' => ['code' => 1],
                'events' => [['name' => 'checkpoint', 'attributes' => [['key' => 'n', 'value' => ['doubleValue' => 1.5]]]]]];
    }
}
final class NameOnly extends DefaultSpanBuilder {
    protected function spanName(array $data): string { return 'llm.' . $data['model']; }
}
$usage = ['usage' => ['prompt_tokens' => 3, 'completion_tokens' => 4]];
Spectra::useSpanBuilder(new Full());
Spectra::track('openai', 'gpt-4o', fn () => $usage);
Spectra::useSpanBuilder(new NameOnly());
Spectra::track('openai', 'gpt-4o-mini', fn () => $usage);
Spectra::useSpanBuilder(fn (array $d) => ['name' => 'callable ' . $d['model']]);
Spectra::track('openai', 'o3', fn () => $usage);
Spectra::useSpanBuilder(fn (array $d) => ['name' => 'bad', 'attributes' => [['key' => 'x', 'value' => ['objectValue' => 1]]]]);
Spectra::track('openai', 'gpt-4.1', fn () => $usage);
Spectra::useSpanBuilder(fn (array $d) => throw new RuntimeException('builder exploded'));
echo Spectra::track('openai', 'gpt-4.1-mini', fn () => 'app value'), "\n";
Spectra::useSpanBuilder(null);
Spectra::track('openai', 'gpt-5', fn () => $usage);
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url']]);
echo $r['stdout'];
echo preg_replace('/ in \S+ on line \d+/', '', $r['stderr']);
receiver_wait($receiver, 1);
$spans = otlp_spans(otlp_decode(receiver_bodies($receiver['dir'])[0]));
foreach ($spans as $span) {
    $a = otlp_attributes($span['attributes'] ?? []);
    echo $span['name'], ' kind=', $span['kind'] ?? 0, ' status=', $span['status']['code'] ?? 0,
        ' provider=', $a['gen_ai.provider.name'] ?? '-', ' in=', $a['gen_ai.usage.input_tokens'] ?? '-',
        ' team=', $a['team'] ?? '-', ' tokens=', $a['tokens'] ?? '-', ' tags=', json_encode($a['tags'] ?? null),
        ' events=', json_encode(array_map(fn ($e) => $e['name'] . ':' . json_encode(otlp_attributes($e['attributes'] ?? [])), $span['events'] ?? [])), "\n";
}
$traceIds = array_unique(array_column($spans, 'traceId'));
echo count($traceIds), " trace id\n";
?>
--EXPECT--
app value
Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span (attribute "x" has no supported value (stringValue, intValue, doubleValue, boolValue, or arrayValue of strings)); the native span is exported
Warning: Spectra\Spectra::track(): Spectra: span builder threw RuntimeException: builder exploded
ai openai kind=1 status=1 provider=- in=- team=search tokens=7 tags=["a","b"] events=["checkpoint:{\"n\":1.5}"]
llm.gpt-4o-mini kind=3 status=0 provider=openai in=3 team=- tokens=- tags=null events=[]
callable o3 kind=3 status=0 provider=- in=- team=- tokens=- tags=null events=[]
chat gpt-4.1 kind=3 status=0 provider=openai in=3 team=- tokens=- tags=null events=[]
chat gpt-4.1-mini kind=3 status=0 provider=openai in=- team=- tokens=- tags=null events=[]
chat gpt-5 kind=3 status=0 provider=openai in=3 team=- tokens=- tags=null events=[]
1 trace id
