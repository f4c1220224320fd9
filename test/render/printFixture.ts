// Prints the synthetic figure's SVG to stdout, for the test that compares renders across processes.
import {renderSvg} from "../../src/render/svg.js";
import {plotSynthetic, syntheticContext, syntheticResult} from "./fixture.js";

const context = syntheticContext();
process.stdout.write(renderSvg(plotSynthetic(syntheticResult(), context), context));
