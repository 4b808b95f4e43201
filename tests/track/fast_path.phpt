--TEST--
Fast path: with no listener, transformer or PHP span builder no record array is built (its timestamps are never created); a listener turns it on
--INI--
spectra.otel.exporter=console
--FILE--
<?php
namespace Carbon {
    class CarbonImmutable extends \DateTimeImmutable {
        public static int $made = 0;
        public static function createFromFormat(string $format, string $datetime, ?\DateTimeZone $timezone = null): static|false {
            self::$made++;
            return parent::createFromFormat($format, $datetime, $timezone);
        }
    }
}
namespace {
    use Spectra\Spectra;
    for ($i = 0; $i < 3; $i++) {
        Spectra::track('openai', 'gpt-4o-mini', fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]]);
    }
    echo "timestamps made without listeners: ", Carbon\CarbonImmutable::$made, "\n";
    Spectra::listen(function ($e) {});
    Spectra::track('openai', 'gpt-4o-mini', fn () => []);
    echo "timestamps made with a listener: ", Carbon\CarbonImmutable::$made, "\n";
}
?>
--EXPECTF--
span chat gpt-4o-mini %s
span chat gpt-4o-mini %s
span chat gpt-4o-mini %s
timestamps made without listeners: 0
span chat gpt-4o-mini %s
timestamps made with a listener: 2
