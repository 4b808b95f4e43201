--TEST--
Pricing: an unknown cost is explained on the span too (spectra.cost.reason beside spectra.cost.known=false); a priced call's span has no reason
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;
Spectra::track('openai', 'gpt-4o-mini', fn () => ['object' => 'chat.completion', 'choices' => []]);
Spectra::track('openai', 'gpt-4o-mini', fn () => ['object' => 'chat.completion', 'choices' => [], 'usage' => ['prompt_tokens' => 10, 'completion_tokens' => 5]]);
?>
--EXPECTF--
span chat gpt-4o-mini %sspectra.cost.known=false spectra.cost.reason="%s"%s
span chat gpt-4o-mini %sspectra.cost.known=true spectra.pricing_tier%s
