"""The text layer every stage stands on; no stage logic.

`sentences` (the one sentence splitter), `numerals` (the one number parser, Chinese numerals
included), `tokens`, `cues` (the one lexicon of commitment, intent and plan cues, zh and en),
`similarity` (the one bigram tokenizer and label scorer) and `cjk` (the CJK ranges and language
guess). Import the submodules directly.
"""
