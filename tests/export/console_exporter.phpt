--TEST--
spectra.otel.exporter=console prints one readable line per span on stderr, with no collector
--FILE--
<?php
require __DIR__ . '/export.inc';
$r = spectra_child('Spectra\Spectra::track("openai", "gpt-4o-mini", fn () => ["id" => "chatcmpl-1", "usage" => ["prompt_tokens" => 100, "completion_tokens" => 50]]);
try { Spectra\Spectra::track("anthropic", "claude-opus-4-6", fn () => throw new RuntimeException("quota \"exceeded\"")); } catch (Throwable $e) {}
echo "done\n";', ['spectra.otel.exporter' => 'console']);
echo $r['stdout'];
foreach (explode("\n", trim($r['stderr'])) as $line) {
    echo preg_replace(['/trace=[0-9a-f]{32}/', '/span=[0-9a-f]{16}/', '/duration_ms=[0-9.]+/'], ['trace=T', 'span=S', 'duration_ms=D'], $line), "\n";
}
?>
--EXPECT--
done
span chat gpt-4o-mini trace=T span=S parent=- kind=CLIENT status=UNSET duration_ms=D gen_ai.operation.name="chat" gen_ai.provider.name="openai" gen_ai.request.model="gpt-4o-mini" gen_ai.response.id="chatcmpl-1" gen_ai.usage.input_tokens=100 gen_ai.usage.output_tokens=50 server.address="api.openai.com" server.port=443 spectra.cost.total_cents=0.0045 spectra.cost.input_cents=0.0015 spectra.cost.output_cents=0.003 spectra.cost.currency="USD" spectra.cost.known=true spectra.pricing_tier="standard" spectra.model_type="text"
span chat claude-opus-4-6 trace=T span=S parent=- kind=CLIENT status=ERROR status_message="quota \"exceeded\"" duration_ms=D gen_ai.operation.name="chat" gen_ai.provider.name="anthropic" gen_ai.request.model="claude-opus-4-6" server.address="api.anthropic.com" server.port=443 error.type="RuntimeException" spectra.cost.total_cents=0 spectra.cost.input_cents=0 spectra.cost.output_cents=0 spectra.cost.currency="USD" spectra.cost.known=true spectra.pricing_tier="standard" spectra.model_type="text"
